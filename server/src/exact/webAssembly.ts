// The project compiles without the DOM library, whose types describe WebAssembly; these are the
// few parts Podscope uses.
export interface WasmInstance { exports: unknown }

export interface WasmApi {
  Module: (new (bytes: Uint8Array) => object) & { exports(module: object): { name: string }[] };
  Instance: new (module: object, imports: Record<string, unknown>) => WasmInstance;
  compileStreaming?: (source: unknown) => Promise<object>;
}

export const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
