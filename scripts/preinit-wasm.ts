// Pre-initialises an exact-validator module at build time: runs the Go packages' init (feature
// gates, schemes, defaulters, validators: 0.5–2 s on every start, and most of the code V8 compiles
// lazily on first call) once, and writes a module whose memory and globals start where init ended,
// with `_initialize` no longer exported. This is what wizer does; wizer cannot give the program an
// argument, and Go's flag packages index os.Args[0] during init, so it runs here, on Node's WASI —
// the runtime the module runs on.
//   node --import tsx scripts/preinit-wasm.ts in.wasm out.wasm
import { readFileSync, writeFileSync } from 'node:fs';
import { WASI } from 'node:wasi';
import { BUILD_CLOCK_START_NS, rebaseMonotonicClock } from '../server/src/exact/preinitClock';
import { WasmValidator } from '../server/src/exact/wasmModule';
import { wasmApi } from '../server/src/exact/webAssembly';

const SECTION = { import: 2, memory: 5, global: 6, export: 7, data: 11, dataCount: 12 } as const;
const EXPORT_GLOBAL = 3;
const END = 0x0b;
/** A zero run at least this long ends a data segment (each segment costs a few bytes of header). */
const ZERO_GAP = 64;

interface Section { id: number; body: Buffer }
interface Global { type: number; mutable: number }
interface Export { name: string; kind: number; index: number }

class Reader {
  constructor(readonly buf: Buffer, public pos = 0) {}
  byte(): number { return this.buf[this.pos++]!; }
  u32(): number {
    let result = 0, shift = 0, b: number;
    do { b = this.byte(); result |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80);
    return result >>> 0;
  }
  bytes(n: number): Buffer { const b = this.buf.subarray(this.pos, this.pos + n); this.pos += n; return b; }
  /** A constant expression (a global's or a segment's initialiser), up to and including `end`. */
  skipConstExpr(): void {
    for (;;) {
      const op = this.byte();
      if (op === END) return;
      if (op === 0x41 || op === 0x42) while (this.byte() & 0x80);
      else if (op === 0x43) this.pos += 4;
      else if (op === 0x44) this.pos += 8;
      else if (op === 0x23) this.u32();
      else throw new Error(`unexpected opcode 0x${op.toString(16)} in a constant expression`);
    }
  }
}

const u32 = (n: number): Buffer => {
  const out: number[] = [];
  do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; out.push(b); } while (n);
  return Buffer.from(out);
};
const sleb = (value: bigint): Buffer => {
  let n = BigInt.asIntN(64, value);
  const out: number[] = [];
  for (;;) {
    const b = Number(n & 0x7fn);
    n >>= 7n;
    if ((n === 0n && !(b & 0x40)) || (n === -1n && b & 0x40)) { out.push(b); return Buffer.from(out); }
    out.push(b | 0x80);
  }
};
const vec = (items: Buffer[]): Buffer => Buffer.concat([u32(items.length), ...items]);
const section = (id: number, body: Buffer): Buffer => Buffer.concat([Buffer.from([id]), u32(body.length), body]);

function sections(module: Buffer): Section[] {
  const r = new Reader(module, 8);
  const out: Section[] = [];
  while (r.pos < module.length) {
    const id = r.byte();
    out.push({ id, body: r.bytes(r.u32()) });
  }
  return out;
}

function globals(body: Buffer): Global[] {
  const r = new Reader(body);
  return Array.from({ length: r.u32() }, () => {
    const g = { type: r.byte(), mutable: r.byte() };
    r.skipConstExpr();
    return g;
  });
}

function exports(body: Buffer): Export[] {
  const r = new Reader(body);
  return Array.from({ length: r.u32() }, () => {
    const name = r.bytes(r.u32()).toString('utf8');
    return { name, kind: r.byte(), index: r.u32() };
  });
}

function importsGlobals(body: Buffer): boolean {
  const r = new Reader(body);
  for (let n = r.u32(); n > 0; n--) {
    r.bytes(r.u32());
    r.bytes(r.u32());
    const kind = r.byte();
    if (kind === EXPORT_GLOBAL) return true;
    if (kind === 0) r.u32();
    else if (kind === 1) { r.byte(); const flags = r.byte(); r.u32(); if (flags & 1) r.u32(); }
    else if (kind === 2) { const flags = r.byte(); r.u32(); if (flags & 1) r.u32(); }
  }
  return false;
}

const exportsBody = (list: Export[]): Buffer =>
  vec(list.map((e) => Buffer.concat([u32(Buffer.byteLength(e.name)), Buffer.from(e.name, 'utf8'), Buffer.from([e.kind]), u32(e.index)])));

function globalInit(g: Global, value: number | bigint): Buffer {
  switch (g.type) {
    case 0x7f: return Buffer.concat([Buffer.from([0x41]), sleb(BigInt(value as number | 0))]);
    case 0x7e: return Buffer.concat([Buffer.from([0x42]), sleb(BigInt(value))]);
    case 0x7d: { const b = Buffer.alloc(5); b[0] = 0x43; b.writeFloatLE(Number(value), 1); return b; }
    case 0x7c: { const b = Buffer.alloc(9); b[0] = 0x44; b.writeDoubleLE(Number(value), 1); return b; }
    default: throw new Error(`a global of type 0x${g.type.toString(16)} cannot be stored`);
  }
}

/** Active data segments holding the non-zero runs of memory (a new instance's memory starts zeroed). */
function dataSegments(memory: Uint8Array): Buffer[] {
  const out: Buffer[] = [];
  let i = 0;
  while (i < memory.length) {
    while (i < memory.length && memory[i] === 0) i++;
    if (i >= memory.length) break;
    const start = i;
    let zeros = 0;
    while (i < memory.length && zeros < ZERO_GAP) zeros = memory[i++] === 0 ? zeros + 1 : 0;
    const end = i - zeros;
    out.push(Buffer.concat([u32(0), Buffer.from([0x41]), sleb(BigInt(start)), Buffer.from([END]), u32(end - start), Buffer.from(memory.subarray(start, end))]));
  }
  return out;
}

function memoryBody(body: Buffer, pages: number): Buffer {
  const r = new Reader(body);
  if (r.u32() !== 1) throw new Error('expected exactly one memory');
  const flags = r.byte();
  r.u32();
  return Buffer.concat([u32(1), Buffer.from([flags]), u32(pages), body.subarray(r.pos)]);
}

export function preinitialise(module: Buffer): { module: Buffer; initMs: number; segments: number; memoryMiB: number } {
  const list = sections(module);
  const find = (id: number) => list.find((s) => s.id === id);
  const imports = find(SECTION.import);
  if (imports && importsGlobals(imports.body)) throw new Error('the module imports globals: their values cannot be stored');
  const globalList = globals(find(SECTION.global)?.body ?? vec([]));
  const exportList = exports(find(SECTION.export)!.body);
  if (!exportList.some((e) => e.name === '_initialize')) throw new Error('the module has no _initialize: it is not a reactor, or it is pre-initialised already');

  // Run init with every global exported, so their final values can be read. Go's function table is
  // filled by element segments and never changed at run time: it needs no snapshot.
  const probe = (i: number) => `podscope.global.${i}`;
  const instrumented = Buffer.concat([module.subarray(0, 8), ...list.map((s) => section(s.id, s.id === SECTION.export
    ? exportsBody([...exportList, ...globalList.map((_, i) => ({ name: probe(i), kind: EXPORT_GLOBAL, index: i }))])
    : s.body))]);
  const wasi = new WASI({ version: 'preview1', args: ['podscope-exact'], env: {}, returnOnExit: true });
  const wasiImport = rebaseMonotonicClock(wasi.wasiImport, () => ex.memory, BUILD_CLOCK_START_NS);
  const started = performance.now();
  const instance = new wasmApi.Instance(new wasmApi.Module(instrumented), { wasi_snapshot_preview1: wasiImport });
  const ex = instance.exports as Record<string, unknown> & { memory: { buffer: ArrayBuffer } };
  wasi.initialize(instance as Parameters<WASI['initialize']>[0]);
  const initMs = performance.now() - started;
  const values = globalList.map((_, i) => (ex[probe(i)] as { value: number | bigint }).value);
  const bytes = new Uint8Array(ex.memory.buffer);

  const segments = dataSegments(bytes);
  const memoryMiB = bytes.length / 1048576;
  const rewritten: Record<number, Buffer> = {
    [SECTION.memory]: memoryBody(find(SECTION.memory)!.body, bytes.length / 65536),
    [SECTION.global]: vec(globalList.map((g, i) => Buffer.concat([Buffer.from([g.type, g.mutable]), globalInit(g, values[i]!), Buffer.from([END])]))),
    [SECTION.export]: exportsBody(exportList.filter((e) => e.name !== '_initialize')),
    [SECTION.data]: vec(segments),
    [SECTION.dataCount]: u32(segments.length),
  };
  const out = Buffer.concat([module.subarray(0, 8), ...list.map((s) => section(s.id, rewritten[s.id] ?? s.body))]);
  // The original answers first (its memory grows, so the snapshot above is taken before): what the
  // new module says must be the same, byte for byte.
  const original = WasmValidator.of(ex);
  const expected = SAMPLES.map((o) => JSON.stringify(original.validate(o)));
  const loaded = WasmValidator.compile(out, 'the pre-initialised module');
  const actual = SAMPLES.map((o) => JSON.stringify(loaded.validate(o)));
  SAMPLES.forEach((o, i) => {
    if (expected[i] !== actual[i]) throw new Error(`the pre-initialised module answers ${actual[i]} for ${JSON.stringify(o)}, the original ${expected[i]}`);
  });
  return { module: out, initMs, segments: segments.length, memoryMiB };
}

/** Objects that go through decoding, defaulting, validation and warnings of several kinds. */
const SAMPLES: object[] = [
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'app', image: 'nginx:1.27', ports: [{ containerPort: 70000 }] }], tolerations: [{ key: 'k', operator: 'Exists', value: 'v' }] } },
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'Bad_Name', annotations: { 'container.apparmor.security.beta.kubernetes.io/app': 'runtime/default' } }, spec: { containers: [{ name: 'app', image: 'nginx', resources: { limits: { memory: '1Gi' }, requests: { memory: '2Gi' } } }] } },
  { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: -1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'other' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } } },
  { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'nightly' }, spec: { schedule: '0 3 * * *', timeZone: 'Europe/Nowhere', jobTemplate: { spec: { template: { spec: { restartPolicy: 'Always', containers: [{ name: 'c', image: 'busybox' }] } } } } } },
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: { containers: [{ name: 'c', image: 'i', unknownField: 1 }] } },
];

if (require.main === module) {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) {
    process.stderr.write('usage: preinit-wasm.ts in.wasm out.wasm\n');
    process.exit(2);
  }
  const result = preinitialise(readFileSync(input));
  writeFileSync(output, result.module);
  process.stderr.write(`[preinit-wasm] init ran in ${Math.round(result.initMs)} ms; stored ${result.memoryMiB.toFixed(1)} MiB of memory as ${result.segments} data segments\n`);
}
