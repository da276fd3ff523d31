// The lint workers' one compiled exact module. A worker that meets its first Pod or workload asks the
// main thread, which compiles the file once and posts the WebAssembly.Module to every worker that
// asks: V8 then shares the machine code between the threads, so the seconds of CPU it spends
// compiling functions on first use and optimising the hot ones are paid once per run, not once per
// worker. The worker waits for the answer (Atomics.wait, then receiveMessageOnPort) because linting
// a file is synchronous; the main thread has nothing else to do meanwhile.
import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { ExactModuleError, WasmValidator, type CompiledModule } from '../exact/wasmModule';

/** What a worker holds: its end of the line (transferred) and the flag the main thread raises after answering. */
export interface ModuleLine { port: MessagePort; answered: SharedArrayBuffer }

type Answer = { module: CompiledModule } | { error: string };

/** The main thread's side: compiles each file asked for once; `line()` opens one line per worker. */
export class ModuleDepot {
  private readonly compiled = new Map<string, Answer>();
  private readonly ports: MessagePort[] = [];

  constructor(private readonly compile: (file: string) => CompiledModule = WasmValidator.compileFile) {}

  line(): ModuleLine {
    const { port1, port2 } = new MessageChannel();
    const answered = new SharedArrayBuffer(4);
    const flag = new Int32Array(answered);
    port1.on('message', (file: string) => {
      port1.postMessage(this.answer(file));
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
    });
    this.ports.push(port1);
    return { port: port2, answered };
  }

  close(): void {
    for (const p of this.ports) p.close();
  }

  private answer(file: string): Answer {
    let a = this.compiled.get(file);
    if (!a) {
      try {
        a = { module: this.compile(file) };
      } catch (err) {
        a = { error: (err as Error).message };
      }
      this.compiled.set(file, a);
    }
    return a;
  }
}

/** A worker's way to a compiled module: asks the main thread and waits; throws ExactModuleError as compileFile does. */
export function compiledVia(line: ModuleLine): (file: string) => CompiledModule {
  const flag = new Int32Array(line.answered);
  return (file) => {
    Atomics.store(flag, 0, 0);
    line.port.postMessage(file);
    Atomics.wait(flag, 0, 0);
    const answer = receiveMessageOnPort(line.port)?.message as Answer | undefined;
    if (!answer) throw new ExactModuleError(`no compiled module for ${file} came from the main thread`);
    if ('error' in answer) throw new ExactModuleError(answer.error);
    return answer.module;
  };
}
