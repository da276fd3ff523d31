// Worker thread for the language server: loads one module (a second or two of compile and Go
// init that must not block completion and hover) and validates batches of objects.
import { parentPort, workerData } from 'node:worker_threads';
import type { ApiVerdict, ModuleInfo } from './result';
import { WasmValidator } from './wasmModule';

export interface WorkerInput {
  file: string;
  featureGates: Record<string, boolean>;
}

export type WorkerMessage =
  | { type: 'ready'; info: ModuleInfo; loadMs: number }
  | { type: 'failed'; message: string }
  | { type: 'verdicts'; id: number; verdicts: ApiVerdict[] }
  | { type: 'error'; id: number; message: string };

export interface WorkerRequest {
  id: number;
  objects: unknown[];
}

const IDLE_GC_MS = 300;

async function main(): Promise<void> {
  const port = parentPort!;
  const { file, featureGates } = workerData as WorkerInput;
  const start = performance.now();
  let validator: WasmValidator;
  try {
    validator = await WasmValidator.open(file);
    if (Object.keys(featureGates).length) validator.setFeatureGates(featureGates);
  } catch (err) {
    port.postMessage({ type: 'failed', message: (err as Error).message } satisfies WorkerMessage);
    return;
  }
  port.postMessage({ type: 'ready', info: validator.info, loadMs: Math.round(performance.now() - start) } satisfies WorkerMessage);
  // A collection takes tens of milliseconds: run it once the editor has been quiet for a moment.
  let idle: NodeJS.Timeout | undefined;
  const scheduleGc = () => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => validator.collectGarbage(), IDLE_GC_MS);
  };
  port.on('message', ({ id, objects }: WorkerRequest) => {
    scheduleGc();
    try {
      port.postMessage({ type: 'verdicts', id, verdicts: objects.map((o) => validator.validate(o)) } satisfies WorkerMessage);
    } catch (err) {
      port.postMessage({ type: 'error', id, message: (err as Error).message } satisfies WorkerMessage);
    }
  });
}

void main();
