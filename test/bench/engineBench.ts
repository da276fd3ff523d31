// The engine alone, in this process: the first parse+validate (cold: nothing compiled or cached yet)
// and then repeated ones (warm).
import { defaultRegistry, validateText } from '../../server/src/engine';
import { summarize, type Summary } from './stats';

export interface EngineResult { cold: number; warm: Summary; findings: number; heapUsedMiB: number; peakRssMiB: number }

export function benchEngine(text: string, runs: number): EngineResult {
  let t = performance.now();
  const registry = defaultRegistry();
  const findings = validateText(text, registry).length;
  const cold = performance.now() - t;
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    validateText(text, registry);
    warm.push(performance.now() - t);
  }
  return {
    cold,
    warm: summarize(warm),
    findings,
    heapUsedMiB: process.memoryUsage().heapUsed / 2 ** 20,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  };
}
