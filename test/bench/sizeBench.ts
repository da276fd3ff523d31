// Large inputs through `podscope lint` as a user runs it (the bundled CLI in a child process): time
// and peak RSS for files of 1, 10 and 50 MB of manifests, one 50 MB Pod, and 20,000 documents, to
// show that both grow linearly with the input. Part of `npm run bench` (`--sizes` runs only this).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { generatePods } from './generatePods';

export interface SizeResult { name: string; bytes: number; documents: number; seconds: number; cpuSeconds: number; peakRssMiB: number; findings: number }

const MB = 1024 * 1024;

/** Whole copies of the 200-pod benchmark file until `bytes` is reached. */
function manifests(bytes: number): { text: string; documents: number } {
  const unit = generatePods(200).text;
  const copies = Math.max(1, Math.round(bytes / unit.length));
  return { text: Array(copies).fill(unit).join('---\n'), documents: copies * 200 };
}

/** The shape of ../shared/repro/make-big-single-pod.py: one Pod, one container, env vars until `bytes`. */
function singlePod(bytes: number): { text: string; documents: number } {
  const head = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n    resources: {limits: {cpu: 1, memory: 1Gi}}\n    env:\n';
  const parts = [head];
  let size = head.length;
  for (let i = 0; size < bytes; i++) {
    const entry = `    - name: VAR_${String(i).padStart(7, '0')}\n      value: "vvvvvvvv"\n`;
    parts.push(entry);
    size += entry.length;
  }
  return { text: parts.join(''), documents: 1 };
}

function smallDocuments(count: number): { text: string; documents: number } {
  const docs = Array.from({ length: count }, (_, i) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${i}\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    resources: {limits: {cpu: 100m, memory: 64Mi}}\n`);
  return { text: docs.join('---\n'), documents: count };
}

/** Smallest first, so a run stopped early still has its cheap rows. */
export const SIZE_INPUTS: { name: string; make: () => { text: string; documents: number } }[] = [
  { name: '1 MB of manifests', make: () => manifests(1 * MB) },
  { name: '20,000 documents', make: () => smallDocuments(20_000) },
  { name: '10 MB of manifests', make: () => manifests(10 * MB) },
  { name: '50 MB of manifests', make: () => manifests(50 * MB) },
  { name: 'one 50 MB Pod (1.1 M env vars)', make: () => singlePod(50 * MB) },
];

/** Runs the inputs one by one; `onResult` sees the results so far after each, so they can be written as they come. */
export function benchSizes(root: string, onResult: (results: readonly SizeResult[]) => void, log: (s: string) => void = () => {}): SizeResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'podscope-size-bench-'));
  try {
    const cli = join(dir, 'cli.js');
    buildSync({ entryPoints: [join(root, 'server/src/cli/main.ts')], outfile: cli, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' });
    // Reports the child's own peak RSS and CPU time when it exits (getrusage of the process itself);
    // CPU time is what the work costs, wall time also what the other users of a shared machine took.
    const rss = join(dir, 'rss.js');
    writeFileSync(rss, "process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeSync(2, `\\npeak-rss-kb ${u.maxRSS} cpu-us ${u.userCPUTime + u.systemCPUTime}\\n`); });\n");
    const out: SizeResult[] = [];
    for (const input of SIZE_INPUTS) {
      const { text, documents } = input.make();
      const file = join(dir, 'input.yaml');
      writeFileSync(file, text);
      const started = process.hrtime.bigint();
      const r = spawnSync(process.execPath, ['--require', rss, cli, 'lint', '--format', 'json', '--max-file-size', '1GB', file], { encoding: 'utf8', maxBuffer: 1024 * MB });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const usage = /peak-rss-kb (\d+) cpu-us (\d+)/.exec(r.stderr);
      if (r.status !== 0 && r.status !== 1) throw new Error(`${input.name}: podscope lint exited ${r.status}: ${r.stderr.slice(0, 500)}`);
      const findings = (JSON.parse(r.stdout) as { diagnostics: unknown[] }).diagnostics.length;
      const result = { name: input.name, bytes: Buffer.byteLength(text), documents, seconds, cpuSeconds: Number(usage?.[2]) / 1e6, peakRssMiB: Number(usage?.[1]) / 1024, findings };
      log(`${result.name}: ${seconds.toFixed(1)} s (${result.cpuSeconds.toFixed(1)} s CPU), peak RSS ${result.peakRssMiB.toFixed(0)} MiB, ${findings} findings`);
      out.push(result);
      onResult(out);
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function renderSizes(results: readonly SizeResult[], command: string, machine: string): string {
  const rows = results.map((r) => `| ${r.name} | ${(r.bytes / MB).toFixed(1)} | ${r.documents} | ${r.cpuSeconds.toFixed(1)} | ${(r.cpuSeconds / (r.bytes / MB)).toFixed(2)} | ${r.seconds.toFixed(1)} | ${r.peakRssMiB.toFixed(0)} | ${r.findings} |`);
  const pending = SIZE_INPUTS.slice(results.length).map((i) => `| ${i.name} | | | not measured: the run was stopped before it | | | | |`);
  return [
    '## Large files (`podscope lint`)',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} with \`${command}\` on ${machine}`,
    '(the machine is shared: other work runs at the same time, so times are upper bounds).',
    'Each input goes through the bundled CLI in a child process, `--format json --max-file-size 1GB`: the child\'s CPU time',
    '(user + system: the work itself), wall time (also what the machine\'s other users took) and peak RSS. Inputs are generated',
    'by `test/bench/sizeBench.ts`: copies of the 200-pod benchmark file, one Pod with env vars in the shape of',
    '`../shared/repro/make-big-single-pod.py`, and 20,000 small Pods.',
    '',
    '| Input | MB | documents | CPU s | CPU s per MB | wall s | peak RSS MiB | findings |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    ...pending,
  ].join('\n');
}
