// Runs one exact-validator module (server/exact, built by scripts/build-exact.sh) in this thread.
// Loading is synchronous and takes a second or two (compile plus the Go packages' init), so the
// language server does it in a worker (exactWorker.ts); the CLI, which has nothing else to do,
// loads it directly.
import { readFileSync } from 'node:fs';
import { WASI } from 'node:wasi';
import { gunzipSync } from 'node:zlib';
import type { ApiVerdict, ModuleInfo } from './result';

// The project compiles without the DOM library, whose types describe WebAssembly; these are
// the few parts used here.
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, unknown>) => { exports: unknown };
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

interface Exports {
  memory: { buffer: ArrayBuffer };
  exact_alloc(size: number): number;
  exact_free(ptr: number): void;
  exact_info(): bigint;
  exact_validate(ptr: number, size: number): bigint;
  exact_set_feature_gates(ptr: number, size: number): bigint;
  exact_gc(): void;
}

export class ExactModuleError extends Error {}

export class WasmValidator {
  /** A trap (a Go panic outside the recovered validation) leaves the Go runtime unusable. */
  private broken: string | undefined;

  private constructor(private readonly exports: Exports, readonly info: ModuleInfo) {}

  /** Loads a module file (`exact.wasm` or `exact.wasm.gz`); throws ExactModuleError saying why it cannot. */
  static load(file: string): WasmValidator {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
    } catch (err) {
      throw new ExactModuleError(`cannot read ${file}: ${(err as Error).message}`);
    }
    let exports: Exports;
    try {
      const module = new wasmApi.Module(bytes);
      // klog's init reads os.Args[0]: the Go runtime needs a program name.
      const wasi = new WASI({ version: 'preview1', args: ['podscope-exact'], env: {}, returnOnExit: true });
      const instance = new wasmApi.Instance(module, { wasi_snapshot_preview1: wasi.wasiImport });
      wasi.initialize(instance as Parameters<WASI['initialize']>[0]);
      exports = instance.exports as unknown as Exports;
    } catch (err) {
      throw new ExactModuleError(`cannot start ${file}: ${(err as Error).message}`);
    }
    const validator = new WasmValidator(exports, { version: 'unknown', kinds: [], featureGates: {} });
    const info = validator.call<ModuleInfo>(() => exports.exact_info());
    return new WasmValidator(exports, info);
  }

  validate(object: unknown): ApiVerdict {
    return this.withInput(JSON.stringify(object), (p, n) => this.exports.exact_validate(p, n));
  }

  /** Collects the Go heap now (call when idle, so collections stay out of requests). */
  collectGarbage(): void {
    if (this.broken || typeof this.exports.exact_gc !== 'function') return;
    try {
      this.exports.exact_gc();
    } catch (err) {
      this.broken = `the validator stopped: ${(err as Error).message}`;
    }
  }

  /** Turns feature gates on or off, as the API server's `--feature-gates`; throws on an unknown gate. */
  setFeatureGates(gates: Record<string, boolean>): void {
    const answer = this.withInput<{ error?: string }>(JSON.stringify(gates), (p, n) => this.exports.exact_set_feature_gates(p, n));
    if (answer.error) throw new ExactModuleError(answer.error);
  }

  private withInput<T>(json: string, fn: (ptr: number, size: number) => bigint): T {
    const input = Buffer.from(json, 'utf8');
    return this.call<T>(() => {
      const ptr = this.exports.exact_alloc(input.length);
      new Uint8Array(this.exports.memory.buffer, ptr, input.length).set(input);
      try {
        return fn(ptr, input.length);
      } finally {
        this.exports.exact_free(ptr);
      }
    });
  }

  private call<T>(fn: () => bigint): T {
    if (this.broken) throw new ExactModuleError(this.broken);
    let packed: bigint;
    try {
      packed = BigInt.asUintN(64, fn());
    } catch (err) {
      this.broken = `the validator stopped: ${(err as Error).message}`;
      throw new ExactModuleError(this.broken);
    }
    const ptr = Number(packed >> 32n);
    const size = Number(packed & 0xffffffffn);
    // Copy out before freeing: the buffer belongs to the Go heap.
    const text = Buffer.from(new Uint8Array(this.exports.memory.buffer, ptr, size)).toString('utf8');
    this.exports.exact_free(ptr);
    return JSON.parse(text) as T;
  }
}
