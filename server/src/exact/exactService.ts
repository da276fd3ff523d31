// Runs exact-validator modules in worker threads for the language server: the module loads off
// the main thread, a slow or broken module costs one message and never a hung server.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { WorkerInput, WorkerMessage, WorkerRequest } from './exactWorker';
import type { ModuleEntry } from './modules';
import type { ApiVerdict, ModuleInfo } from './result';

export type ModuleState = 'loading' | 'ready' | 'failed';

export interface ExactServiceOptions {
  /** One line per module that cannot load (the output channel / stderr). */
  log(message: string): void;
  /** The compiled worker script; found beside the bundle or, in development, as TypeScript. */
  workerFile?: string;
  loadTimeoutMs?: number;
  callTimeoutMs?: number;
  /** Called when a module becomes ready or fails, so its documents can be re-checked. */
  onStateChange?(module: ModuleEntry, state: ModuleState): void;
}

interface Loaded {
  worker: Worker;
  state: ModuleState;
  /** Replaced by another module: its worker ends on purpose, which is no failure to report. */
  retired?: boolean;
  info?: ModuleInfo;
  ready: Promise<boolean>;
  pending: Map<number, { resolve(v: ApiVerdict[] | undefined): void; timer: NodeJS.Timeout }>;
}

export class ExactService {
  private readonly loaded = new Map<string, Loaded>();
  private nextId = 1;
  /** Set by dispose: workers then end on purpose, which is no failure to report. */
  private disposed = false;

  constructor(private readonly options: ExactServiceOptions) {}

  state(module: ModuleEntry, gates: Record<string, boolean> = {}): ModuleState | undefined {
    return this.loaded.get(keyOf(module, gates))?.state;
  }

  /** Starts loading a module without waiting for it. */
  warm(module: ModuleEntry, gates: Record<string, boolean> = {}): void {
    this.load(module, gates);
  }

  /** The API server's verdicts, or undefined when the module is not available (the engine answers alone). */
  validate(module: ModuleEntry, gates: Record<string, boolean>, objects: readonly unknown[]): Promise<ApiVerdict[] | undefined> {
    const loaded = this.load(module, gates);
    // A loaded module gets the objects now, not after the caller's synchronous work (the engine's
    // rules run right after this call, while the worker validates).
    if (loaded.state === 'ready') return this.send(module, loaded, objects);
    return loaded.ready.then((ok) => (ok ? this.send(module, loaded, objects) : undefined));
  }

  private send(module: ModuleEntry, loaded: Loaded, objects: readonly unknown[]): Promise<ApiVerdict[] | undefined> {
    if (!objects.length) return Promise.resolve([]);
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        loaded.pending.delete(id);
        this.fail(module, loaded, `validation took longer than ${this.options.callTimeoutMs ?? 10_000} ms`);
        resolve(undefined);
      }, this.options.callTimeoutMs ?? 10_000);
      loaded.pending.set(id, { resolve, timer });
      loaded.worker.postMessage({ id, objects: [...objects] } satisfies WorkerRequest);
    });
  }

  dispose(): Promise<void> {
    this.disposed = true;
    const all = [...this.loaded.values()];
    this.loaded.clear();
    for (const l of all) answerPending(l);
    return Promise.all(all.map((l) => l.worker.terminate())).then(() => undefined);
  }

  private load(module: ModuleEntry, gates: Record<string, boolean>): Loaded {
    const key = keyOf(module, gates);
    const existing = this.loaded.get(key);
    if (existing) return existing;
    this.retireOthers();
    const script = this.workerScript();
    const worker = new Worker(script.file, { eval: script.eval, workerData: { file: module.file, featureGates: gates } satisfies WorkerInput, stderr: true, stdout: true });
    // The worker's own output (Go's runtime on a fatal error) must not reach the LSP's stdout.
    worker.stdout.resume();
    worker.stderr.resume();
    let settle!: (ok: boolean) => void;
    const loaded: Loaded = { worker, state: 'loading', ready: new Promise((r) => (settle = r)), pending: new Map() };
    this.loaded.set(key, loaded);
    const loadTimer = setTimeout(() => {
      this.fail(module, loaded, `it did not start within ${this.options.loadTimeoutMs ?? 60_000} ms`);
      settle(false);
    }, this.options.loadTimeoutMs ?? 60_000);
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'ready') {
        clearTimeout(loadTimer);
        loaded.state = 'ready';
        loaded.info = m.info;
        settle(true);
        this.options.onStateChange?.(module, 'ready');
      } else if (m.type === 'failed') {
        clearTimeout(loadTimer);
        this.fail(module, loaded, m.message);
        settle(false);
      } else {
        const p = loaded.pending.get(m.id);
        if (!p) return;
        loaded.pending.delete(m.id);
        clearTimeout(p.timer);
        if (m.type === 'verdicts') p.resolve(m.verdicts);
        else {
          this.fail(module, loaded, m.message);
          p.resolve(undefined);
        }
      }
    });
    const onGone = (why: string) => {
      clearTimeout(loadTimer);
      if (loaded.state !== 'failed') this.fail(module, loaded, why);
      settle(false);
    };
    worker.on('error', (err) => onGone(err.message));
    worker.on('exit', (code) => onGone(`its worker exited (code ${code})`));
    return loaded;
  }

  /**
   * One module at a time: a loaded module holds 250–300 MB (its compiled code and Go heap), and
   * the usual reason for another is that the first was a guess (`auto` before the cluster
   * answered, a setting changed). A file that wants the retired module again reloads it.
   * Failed entries stay, so a broken module is still reported once.
   */
  private retireOthers(): void {
    for (const [key, other] of this.loaded) {
      if (other.state === 'failed') continue;
      other.retired = true;
      answerPending(other);
      this.loaded.delete(key);
      void other.worker.terminate();
    }
  }

  /** One message per module, then the engine answers alone for it. */
  private fail(module: ModuleEntry, loaded: Loaded, why: string): void {
    if (loaded.state === 'failed' || loaded.retired || this.disposed) return;
    loaded.state = 'failed';
    answerPending(loaded);
    void loaded.worker.terminate();
    this.options.log(`podscope: exact validation for Kubernetes ${module.version} is unavailable (${why}); the engine's checks continue without it.`);
    this.options.onStateChange?.(module, 'failed');
  }

  private workerScript(): { file: string; eval: boolean } {
    if (this.options.workerFile) return { file: this.options.workerFile, eval: false };
    const bundled = join(__dirname, 'exactWorker.js');
    if (existsSync(bundled)) return { file: bundled, eval: false };
    // Running from source (tests): the worker is TypeScript; tsx's loader is per thread, so the
    // thread registers it before loading the worker.
    const source = join(__dirname, 'exactWorker.ts');
    return { file: `require('tsx/cjs'); require(${JSON.stringify(source)});`, eval: true };
  }
}

function keyOf(module: ModuleEntry, gates: Record<string, boolean>): string {
  return `${module.file}\u0000${JSON.stringify(Object.entries(gates).sort())}`;
}

/** Requests a worker will never answer get undefined now: the engine answers alone for them. */
function answerPending(loaded: Loaded): void {
  for (const p of loaded.pending.values()) {
    clearTimeout(p.timer);
    p.resolve(undefined);
  }
  loaded.pending.clear();
}
