import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import { defaultRegistry } from '../../server/src/engine';
import { artifactUri } from '../../server/src/cli/format/sarif';
import { ruleCatalog } from '../../server/src/engine';
import { runCli, workspace } from './cliHarness';
import { CLEAN, FAMILIES } from './fixtures';

// The OASIS SARIF 2.1.0 schema (rtm.5, draft-04) as shipped by Microsoft's @microsoft/jest-sarif.
const SCHEMA_FILE = join(dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

interface SarifLog {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; rules: Array<{ id: string; helpUri: string; shortDescription: { text: string }; help: { text: string } }> } };
    results: Array<{
      ruleId: string; ruleIndex: number; level: string; message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }>;
      partialFingerprints: Record<string, string>;
    }>;
  }>;
}

describe('podscope lint --format sarif', () => {
  const dir = workspace({
    'pods/all.yaml': Object.values(FAMILIES).map((f) => f.text).join('---\n'),
    'pods/clean.yml': CLEAN,
  });
  const r = runCli(['lint', '--format', 'sarif', 'pods'], { cwd: dir });
  const log = JSON.parse(r.stdout) as SarifLog;

  it('validates against the SARIF 2.1.0 JSON schema', () => {
    // The schema's language pattern is not valid with the `u` flag, so patterns compile without it.
    // Formats (uri, date-time) would need another package; structure and patterns are what matter here.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false });
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);
    const valid = validate(log);
    assert.ok(valid, JSON.stringify(validate.errors, null, 2));
    assert.equal(log.version, '2.1.0');
    // The validator is not a rubber stamp: a 0 line number breaks the schema.
    const broken = structuredClone(log);
    broken.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startLine = 0;
    assert.equal(validate(broken), false);
  });

  it('describes every rule of the catalog with its doc link, and exits like the text format', () => {
    const driver = log.runs[0]!.tool.driver;
    assert.equal(driver.name, 'podscope');
    assert.deepEqual(driver.rules.map((x) => x.id), ruleCatalog(defaultRegistry()).map((x) => x.code));
    assert.ok(driver.rules.every((x) => /^https:\/\//.test(x.helpUri) && x.shortDescription.text.length > 0));
    // The help GitHub shows beside an alert says what to change.
    for (const [i, info] of ruleCatalog(defaultRegistry()).entries()) assert.equal(driver.rules[i]!.help.text, `${info.remediation} See ${info.docUrl}`);
    assert.equal(r.code, 1);
  });

  it('gives each result its rule, level, message and a 1-based region in a relative artifact', () => {
    const { results } = log.runs[0]!;
    const rules = log.runs[0]!.tool.driver.rules;
    const api = results.find((x) => x.ruleId === FAMILIES.api.code)!;
    assert.equal(rules[api.ruleIndex]!.id, api.ruleId);
    assert.equal(api.level, 'error');
    assert.equal(api.message.text, `${FAMILIES.api.path}: Required value`);
    const offset = [FAMILIES.syntax, FAMILIES.schema].reduce((n, f) => n + f.text.split('\n').length, 0);
    assert.deepEqual(api.locations[0]!.physicalLocation, {
      artifactLocation: { uri: 'pods/all.yaml' },
      region: { startLine: offset + FAMILIES.api.line + 1, startColumn: 5, endLine: offset + FAMILIES.api.line + 1, endColumn: 14 },
    });
    const runtime = results.find((x) => x.ruleId === FAMILIES.runtime.code)!;
    assert.equal(runtime.level, 'warning');
    const info = results.find((x) => x.ruleId === 'resources-missing');
    if (info) assert.equal(info.level, 'note');
  });

  it('fingerprints results independently of their line, and distinctly', () => {
    const { results } = log.runs[0]!;
    const prints = results.map((x) => x.partialFingerprints['podscopeFinding/v1']);
    assert.equal(new Set(prints).size, prints.length);
    const shifted = workspace({ 'pods/all.yaml': `# moved down\n${Object.values(FAMILIES).map((f) => f.text).join('---\n')}` });
    const again = JSON.parse(runCli(['lint', '--format', 'sarif', 'pods'], { cwd: shifted }).stdout) as SarifLog;
    assert.deepEqual(again.runs[0]!.results.map((x) => x.partialFingerprints['podscopeFinding/v1']), prints);
    assert.notDeepEqual(again.runs[0]!.results.map((x) => x.locations[0]!.physicalLocation.region.startLine), results.map((x) => x.locations[0]!.physicalLocation.region.startLine));
  });

  it('writes artifact URIs relative with forward slashes, or as file: URLs when absolute', () => {
    assert.equal(artifactUri('./pods/a b.yaml'), 'pods/a%20b.yaml');
    assert.equal(artifactUri('pods\\win.yaml'), 'pods/win.yaml');
    assert.equal(artifactUri('/abs/p.yaml'), 'file:///abs/p.yaml');
  });
});
