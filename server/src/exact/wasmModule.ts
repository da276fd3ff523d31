// Runs one exact-validator module (server/exact, built by scripts/build-exact.sh) in this thread.
// Loading is synchronous and takes a second or two (compile plus the Go packages' init), so the
// language server does it in a worker (exactWorker.ts); the CLI, which has nothing else to do,
// loads it directly.
import { closeSync, createReadStream, openSync, readFileSync, readSync } from 'node:fs';
import { pipeline, Readable } from 'node:stream';
import type { WASI as WasiType } from 'node:wasi';
import { createGunzip, gunzipSync } from 'node:zlib';
import { rebaseMonotonicClock, RUN_CLOCK_START_NS } from './preinitClock';
import type { ApiVerdict, ModuleInfo } from './result';
import { wasmApi } from './webAssembly';

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

/** A compiled WebAssembly.Module: started by WasmValidator.start, and can be posted to worker threads. */
export type CompiledModule = object;

/**
 * node:wasi is loaded on first use, and without its "experimental feature" warning: the CLI's
 * stderr and the server's log carry only Podscope's own messages.
 */
function loadWasi(): typeof import('node:wasi') {
  const emit = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (String(warning).includes('WASI')) return;
    (emit as (...a: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('node:wasi') as typeof import('node:wasi');
  } finally {
    process.emitWarning = emit;
  }
}

function startsWithGzipMagic(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(2);
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

export class WasmValidator {
  /** A trap (a Go panic outside the recovered validation) leaves the Go runtime unusable. */
  private broken: string | undefined;

  private constructor(private readonly exports: Exports, readonly info: ModuleInfo) {}

  /** Loads a module file (`exact.wasm` or `exact.wasm.gz`); throws ExactModuleError saying why it cannot. */
  static load(file: string): WasmValidator {
    return WasmValidator.start(WasmValidator.compileFile(file), file);
  }

  /**
   * Reads and compiles a module file without starting it. A compiled module posted to other
   * threads shares its machine code with them: V8 compiles each function on its first call and
   * optimises the hot ones while they run (seconds of CPU over the first thousand objects), and
   * the threads of one module pay that once.
   */
  static compileFile(file: string): CompiledModule {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
    } catch (err) {
      throw new ExactModuleError(`cannot read ${file}: ${(err as Error).message}`);
    }
    return WasmValidator.compileBytes(bytes, file);
  }

  /** A module already in memory (unzipped); `name` says which in errors. */
  static compile(bytes: Uint8Array, name: string): WasmValidator {
    return WasmValidator.start(WasmValidator.compileBytes(bytes, name), name);
  }

  private static compileBytes(bytes: Uint8Array, name: string): CompiledModule {
    try {
      return new wasmApi.Module(bytes);
    } catch (err) {
      throw new ExactModuleError(`cannot start ${name}: ${(err as Error).message}`);
    }
  }

  /**
   * As load, but compiles while the file is read and unzipped (V8 compiles the code section on
   * its background threads as it arrives), and never holds the whole unzipped module (47 MB for
   * 1.37) in memory: the worker's way in. Falls back to load where streaming compilation is not
   * available.
   */
  static async open(file: string): Promise<WasmValidator> {
    if (typeof wasmApi.compileStreaming !== 'function' || typeof Response !== 'function') return WasmValidator.load(file);
    let gzipped: boolean;
    try {
      gzipped = startsWithGzipMagic(file);
    } catch (err) {
      throw new ExactModuleError(`cannot read ${file}: ${(err as Error).message}`);
    }
    let module: CompiledModule;
    try {
      const raw = createReadStream(file, { highWaterMark: 1 << 20 });
      // pipeline destroys both streams on either's error, which reaches the compile through the last one.
      const bytes = gzipped ? pipeline(raw, createGunzip({ chunkSize: 1 << 20 }), () => undefined) : raw;
      const body = Readable.toWeb(bytes) as unknown as ConstructorParameters<typeof Response>[0];
      module = await wasmApi.compileStreaming(new Response(body, { headers: { 'content-type': 'application/wasm' } }));
    } catch (err) {
      throw new ExactModuleError(`cannot start ${file}: ${(err as Error).message}`);
    }
    return WasmValidator.start(module, file);
  }

  /** Starts a compiled module (from compileFile, in this thread or another) as a validator of its own. */
  static start(module: CompiledModule, file: string): WasmValidator {
    let exports: Exports;
    try {
      // klog's init reads os.Args[0]: the Go runtime needs a program name.
      const { WASI } = loadWasi();
      const wasi = new WASI({ version: 'preview1', args: ['podscope-exact'], env: {}, returnOnExit: true });
      // A module pre-initialised at build time (scripts/preinit-wasm.ts) no longer exports
      // `_initialize`: its memory already holds the state init left, clock readings included.
      const preinitialised = !wasmApi.Module.exports(module).some((e) => e.name === '_initialize');
      const wasiImport = preinitialised ? rebaseMonotonicClock(wasi.wasiImport, () => exports.memory, RUN_CLOCK_START_NS) : wasi.wasiImport;
      const instance = new wasmApi.Instance(module, { wasi_snapshot_preview1: wasiImport });
      exports = instance.exports as unknown as Exports;
      wasi.initialize(instance as Parameters<WasiType['initialize']>[0]);
    } catch (err) {
      throw new ExactModuleError(`cannot start ${file}: ${(err as Error).message}`);
    }
    return WasmValidator.of(exports);
  }

  /** A validator over an instance already started (the build compares a pre-initialised module with its original). */
  static of(instanceExports: unknown): WasmValidator {
    const exports = instanceExports as Exports;
    const bare = new WasmValidator(exports, { version: 'unknown', kinds: [], featureGates: {} });
    return new WasmValidator(exports, bare.call<ModuleInfo>(() => exports.exact_info()));
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
