// The CLI's whole JSON output with the exact layer on, per golden source: what lint-golden-exact.jsonl
// records (written by generate.ts with the code before the exact layer's speed work) and what
// golden.test.ts compares it with. One module version is pinned, so the file does not depend on
// which modules a build bundles.
import { join } from 'node:path';
import { CORPUS } from '../../corpus';
import { runCli, workspace } from '../cliHarness';
import { corpusSources, generatedSources } from './sources';

export const EXACT_GOLDEN_FILE = `${__dirname}/lint-golden-exact.jsonl`;
export const EXACT_GOLDEN_VERSION = '1.37';

export interface ExactRun { files: number; stderr: string; code: number | null; diagnostics: Map<string, unknown[]> }

/** `podscope lint --format json` with the exact layer over every golden source; diagnostics keyed by source name, `file` dropped. */
export function exactCliOutput(jobs: string): ExactRun {
  const generated = generatedSources();
  const dir = workspace(Object.fromEntries(generated.map((s) => [s.name, s.text])));
  const names = new Map<string, string>();
  for (const s of generated) names.set(join(dir, s.name), s.name);
  for (const s of corpusSources()) names.set(join(CORPUS, s.name.slice('corpus/'.length)), s.name);
  const r = runCli(['lint', '--jobs', jobs, '--format', 'json', '--kubernetes-version', EXACT_GOLDEN_VERSION, ...names.keys()], { exact: true, timeoutMs: 5 * 60_000 });
  const out = JSON.parse(r.stdout) as { files: number; diagnostics: ({ file: string } & Record<string, unknown>)[] };
  const diagnostics = new Map<string, unknown[]>([...names.values()].map((n) => [n, []]));
  for (const { file, ...rest } of out.diagnostics) diagnostics.get(names.get(file)!)!.push(rest);
  return { files: out.files, stderr: r.stderr, code: r.code, diagnostics };
}
