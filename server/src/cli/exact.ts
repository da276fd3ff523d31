// Exact validation for `podscope lint`: the chosen version's module, loaded in this process on
// the first file that has a Pod or workload (the CLI has nothing else to do meanwhile).
import { setFlagsFromString } from 'node:v8';
import type { Finding, ParsedFile, RuleRegistry, RuleSettings } from '../engine';
import { mergeFindings } from '../exact/merge';
import { chooseVersion, findModules, moduleDirs, type ModuleEntry } from '../exact/modules';
import { exactTargets, targetFindings, validatedDocuments } from '../exact/targets';
import { WasmValidator, type CompiledModule } from '../exact/wasmModule';
import type { ExactOptions } from './args';
import { CliError } from './errors';
import type { Refine } from './lint';

/** PODSCOPE_EXACT=off turns exact validation off for a whole environment (as for the build). */
export function exactDisabledByEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.PODSCOPE_EXACT === 'off';
}

/**
 * Runs of up to this many files validate each function of the module too few times for V8's
 * optimising tier (TurboFan) to pay: compiling the hot functions of the 46 MB module costs seconds
 * of CPU, which the faster code earns back only over thousands of objects (docs/benchmarks.md:
 * 2,400 files took 2 s less CPU on the baseline tier alone, 9,600 the same within noise, with 60-80
 * MiB less memory; beyond that the optimised code is expected to win).
 */
export const BASELINE_TIER_MAX_FILES = 10_000;

/**
 * Keeps the module on V8's baseline compiler (Liftoff) for a run of `files` files. Process-wide, so
 * call it before the module is compiled; the language server, which runs for hours, never does.
 */
export function chooseWasmTier(files: number): void {
  if (files <= BASELINE_TIER_MAX_FILES) setFlagsFromString('--liftoff-only');
}

/** The exact layer of a lint run, and the minor of its module (the schema rules check against the same one). */
export type ExactRefiner = Refine & { readonly minor: string };

/** `compiled`: where the module's compiled code comes from (a lint worker asks the main thread, see sharedModule.ts). */
export function exactRefiner(
  options: ExactOptions, registry: RuleRegistry, settings: RuleSettings, warn: (line: string) => void,
  modules: readonly ModuleEntry[] = findModules(moduleDirs(__dirname)), compiled: (file: string) => CompiledModule = WasmValidator.compileFile,
): ExactRefiner | undefined {
  if (!options.enable || exactDisabledByEnv()) return undefined;
  const choice = chooseVersion(options.kubernetesVersion, undefined, modules);
  if (!choice.module) {
    // A version asked for by name that is not there is a usage error; `auto` without modules is a build without them.
    if (options.kubernetesVersion !== 'auto') throw new CliError(`--kubernetes-version: ${choice.reason}`, 'usage');
    warn(`podscope: exact validation unavailable (${choice.reason}); only Podscope's own rules ran.`);
    return undefined;
  }
  const module = choice.module;
  let validator: WasmValidator | undefined | null;
  const load = (): WasmValidator | null => {
    if (validator !== undefined) return validator;
    try {
      validator = WasmValidator.start(compiled(module.file), module.file);
      if (Object.keys(options.featureGates).length) validator.setFeatureGates(options.featureGates);
    } catch (err) {
      warn(`podscope: exact validation for Kubernetes ${module.version} is unavailable (${(err as Error).message}); only Podscope's own rules ran.`);
      validator = null;
    }
    return validator;
  };
  const refine = (file: ParsedFile, findings: Finding[]): Finding[] => {
    const targets = exactTargets(file);
    if (!targets.length) return findings;
    const v = load();
    if (!v) return findings;
    let verdicts;
    try {
      verdicts = targets.map((t) => v.validate(t.object));
    } catch (err) {
      warn(`podscope: exact validation stopped (${(err as Error).message}); the remaining files get only Podscope's own rules.`);
      validator = null;
      return findings;
    }
    const exact = targetFindings(file, targets, verdicts).flatMap((f) => {
      const s = settings[f.code];
      return s === 'off' ? [] : [s ? { ...f, severity: s } : f];
    });
    return mergeFindings(findings, exact, registry, new Set(validatedDocuments(targets, verdicts)));
  };
  return Object.assign(refine, { minor: module.minor });
}
