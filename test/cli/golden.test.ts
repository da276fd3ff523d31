// Speed work must not change a single finding: the engine and the CLI, over the shared corpus and the
// generated benchmark manifests, give exactly the output recorded in golden/lint-golden.jsonl, which
// was written by the engine before the speed work (regenerate only for an intended change:
// `node --import tsx test/cli/golden/generate.ts`, then review the diff).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { sortFindings } from '../../server/src/cli/lint';
import { defaultRegistry, validateText, type Finding } from '../../server/src/engine';
import { findModules, moduleDirs, REPO_DIST } from '../../server/src/exact/modules';
import { CORPUS, corpusSkipReason } from '../corpus';
import { runCli, workspace } from './cliHarness';
import { EXACT_GOLDEN_FILE, EXACT_GOLDEN_VERSION, exactCliOutput } from './golden/exactOutput';
import { corpusSources, generatedSources, GOLDEN_FILE, type GoldenSource } from './golden/sources';

const golden = new Map(readFileSync(GOLDEN_FILE, 'utf8').trim().split('\n').map((l) => {
  const { file, findings } = JSON.parse(l) as { file: string; findings: Finding[] };
  return [file, findings] as const;
}));

function checkEngine(sources: GoldenSource[]): void {
  const registry = defaultRegistry();
  let findings = 0;
  for (const s of sources) {
    const expected = golden.get(s.name);
    assert.ok(expected, `${s.name} is in the golden file`);
    assert.deepEqual(sortFindings(validateText(s.text, registry)), expected, s.name);
    findings += expected.length;
  }
  // Guards against a golden file emptied by accident.
  assert.ok(findings > 100, `the golden output has findings to compare (${findings})`);
}

test('the engine gives the golden findings (fixes included) for the generated manifests', () => {
  checkEngine(generatedSources());
});

test('the engine gives the golden findings (fixes included) for the shared corpus', { skip: corpusSkipReason() }, () => {
  checkEngine(corpusSources());
});

/** The CLI's JSON drops fixes; everything else must match the golden findings, in order. */
function expectedCli(names: Map<string, string>): unknown[] {
  const out: unknown[] = [];
  for (const [path, name] of names) {
    for (const f of golden.get(name)!) out.push({ file: path, document: f.document, path: f.path, severity: f.severity, code: f.code, message: f.message, range: f.range });
  }
  return out;
}

for (const jobs of ['1', '2']) {
  test(`podscope lint --jobs ${jobs} --format json prints the golden findings in the order of the files`, { skip: corpusSkipReason() }, () => {
    const generated = generatedSources();
    const dir = workspace(Object.fromEntries(generated.map((s) => [s.name, s.text])));
    const names = new Map<string, string>();
    for (const s of generated) names.set(join(dir, s.name), s.name);
    for (const s of corpusSources()) names.set(join(CORPUS, s.name.slice('corpus/'.length)), s.name);
    const r = runCli(['lint', '--jobs', jobs, '--format', 'json', ...names.keys()]);
    assert.equal(r.stderr, '');
    const out = JSON.parse(r.stdout) as { files: number; diagnostics: unknown[] };
    assert.equal(out.files, names.size);
    assert.deepEqual(out.diagnostics, expectedCli(names));
  });
}

const exactGolden = new Map(readFileSync(EXACT_GOLDEN_FILE, 'utf8').trim().split('\n').map((l) => {
  const { file, diagnostics } = JSON.parse(l) as { file: string; diagnostics: unknown[] };
  return [file, diagnostics] as const;
}));
const exactSkip = corpusSkipReason()
  ?? (findModules(moduleDirs(REPO_DIST)).some((m) => m.minor === EXACT_GOLDEN_VERSION) ? undefined : `needs the ${EXACT_GOLDEN_VERSION} module (npm run build, with Go)`);

for (const jobs of ['1', '2']) {
  test(`with the exact layer, podscope lint --jobs ${jobs} prints the recorded output, API-server findings included`, { skip: exactSkip }, () => {
    const run = exactCliOutput(jobs);
    assert.equal(run.stderr, '');
    assert.equal(run.code, 1);
    assert.equal(run.files, exactGolden.size);
    assert.deepEqual(run.diagnostics, exactGolden);
    // Guards against a recording made without the module.
    assert.ok([...exactGolden.values()].flat().filter((d) => String((d as { code: string }).code).startsWith('api-')).length > 100);
  });
}
