// Lints on all cores: worker threads (running this same bundle) take batches of files as they become
// free, and the results are put back in the order of the files, so the output is the one a single
// thread prints. Small runs stay on this thread: a worker costs tens of milliseconds to start.
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { defaultRegistry, type RuleRegistry, type RuleSettings } from '../engine';
import type { ExactOptions } from './args';
import { exactRefiner } from './exact';
import { CliError } from './errors';
import { lintFiles, type FileResult, type Refine } from './lint';
import { compiledVia, ModuleDepot, type ModuleLine } from './sharedModule';

/** Files per message: large enough that messaging is noise, small enough to keep every core busy to the end. */
const BATCH = 16;
/** Below this many files per worker, starting workers costs more than it saves. */
const FILES_PER_WORKER = 48;
const MARK = 'podscope-lint-worker';

type Task = { batch: number; files: string[] };
type Reply =
  | { batch: number; results: FileResult[] }
  | { batch: number; error: { message: string; kind?: CliError['kind'] } };

/** Workers a run of `files` files gets with `jobs` allowed (`undefined`: one per core, at most 8). */
export function workersFor(files: number, jobs: number | undefined): number {
  const allowed = jobs ?? Math.min(availableParallelism(), 8);
  return Math.max(0, Math.min(allowed, Math.floor(files / FILES_PER_WORKER)));
}

export interface LintOptions {
  jobs?: number;
  maxFileBytes?: number;
  /** What each worker loads for itself; off when the main thread found no module. */
  exact: ExactOptions;
  /** The main thread's exact layer, for a run that stays on this thread. */
  refine?: Refine;
  /** The minor whose schema the schema rules use. */
  kubernetesVersion?: string;
}

interface WorkerSetup { settings: RuleSettings; maxFileBytes?: number; exact: ExactOptions; kubernetesVersion?: string; module?: ModuleLine }

export async function lintInParallel(files: readonly string[], registry: RuleRegistry, settings: RuleSettings, options: LintOptions): Promise<FileResult[]> {
  const workers = options.jobs === 1 ? 0 : workersFor(files.length, options.jobs);
  if (workers < 2) return lintFiles(files, registry, settings, options.maxFileBytes, options.refine, options.kubernetesVersion);
  const setup: WorkerSetup = {
    settings, exact: options.exact,
    ...(options.maxFileBytes !== undefined ? { maxFileBytes: options.maxFileBytes } : {}),
    ...(options.kubernetesVersion ? { kubernetesVersion: options.kubernetesVersion } : {}),
  };
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += BATCH) batches.push(files.slice(i, i + BATCH));
  const results: FileResult[][] = new Array(batches.length);
  let next = 0;
  // The first failing batch in file order decides the error, as a single thread stopping there would.
  let failed: { batch: number; error: Error } | undefined;
  // One compiled module for all workers, compiled when the first of them needs it.
  const depot = options.exact.enable ? new ModuleDepot() : undefined;
  const pool = Array.from({ length: workers }, () => {
    const module = depot?.line();
    return new Worker(__filename, { workerData: { [MARK]: true, ...setup, ...(module ? { module } : {}) }, ...(module ? { transferList: [module.port] } : {}) });
  });
  try {
    await Promise.all(pool.map((worker) => new Promise<void>((resolve, reject) => {
      const give = () => {
        if (next >= batches.length || (failed && next > failed.batch)) return resolve();
        const batch = next++;
        worker.postMessage({ batch, files: batches[batch]! } satisfies Task);
      };
      worker.on('message', (reply: Reply) => {
        if ('results' in reply) results[reply.batch] = reply.results;
        else if (!failed || reply.batch < failed.batch) {
          const e = reply.error;
          failed = { batch: reply.batch, error: e.kind ? new CliError(e.message, e.kind) : new Error(e.message) };
        }
        give();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => reject(new Error(`a lint worker stopped (exit code ${code}) before it finished`)));
      give();
    })));
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
    depot?.close();
  }
  if (failed) throw failed.error;
  return results.flat();
}

/** True in a thread started by lintInParallel; main.ts then serves it instead of reading argv. */
export function isLintWorker(): boolean {
  return !isMainThread && (workerData as Record<string, unknown> | null)?.[MARK] === true;
}

export function serveLintWorker(): void {
  const { settings, maxFileBytes, exact, kubernetesVersion, module } = workerData as WorkerSetup;
  const registry = defaultRegistry();
  // Each worker starts the module on its first Pod or workload, from the code the main thread compiled; its warnings reach the main thread's stderr.
  const warn = (line: string) => process.stderr.write(`${line}\n`);
  const refine = exact.enable ? exactRefiner(exact, registry, settings, warn, undefined, module ? compiledVia(module) : undefined) : undefined;
  parentPort!.on('message', ({ batch, files }: Task) => {
    let reply: Reply;
    try {
      reply = { batch, results: lintFiles(files, registry, settings, maxFileBytes, refine, kubernetesVersion) };
    } catch (err) {
      reply = { batch, error: { message: (err as Error).message, ...(err instanceof CliError ? { kind: err.kind } : {}) } };
    }
    parentPort!.postMessage(reply);
  });
}
