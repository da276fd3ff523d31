import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli, workspace } from './cliHarness';
import { FAMILIES } from './fixtures';

const codes = (stdout: string) => (JSON.parse(stdout) as { diagnostics: Array<{ code: string; severity: string }> }).diagnostics;

describe('podscope lint --config', () => {
  it('turns rules off and changes severities from a YAML config, which decides the exit status', () => {
    const dir = workspace({
      'pod.yaml': FAMILIES.api.text,
      'podscope.yaml': 'rules:\n  image-required: warning\n  resources-missing: off\n',
    });
    const without = runCli(['lint', '--format', 'json', 'pod.yaml'], { cwd: dir });
    assert.equal(without.code, 1);
    const r = runCli(['lint', '--format', 'json', '--config', 'podscope.yaml', 'pod.yaml'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const found = codes(r.stdout);
    assert.deepEqual(found.filter((d) => d.code === 'image-required').map((d) => d.severity), ['warning']);
    assert.equal(found.filter((d) => d.code === 'resources-missing').length, 0);
  });

  it('reads JSON configs too', () => {
    const dir = workspace({ 'pod.yaml': FAMILIES.syntax.text, 'cfg.json': '{"rules": {"yaml-syntax": "off"}}' });
    const r = runCli(['lint', '--format', 'json', '-c', 'cfg.json', 'pod.yaml'], { cwd: dir });
    assert.equal(codes(r.stdout).filter((d) => d.code === 'yaml-syntax').length, 0);
  });

  const bad: Array<[string, string, RegExp]> = [
    ['unknown codes, named', 'rules:\n  image-requird: off\n  no-such-rule: error\n', /config bad\.yaml: unknown rule codes "image-requird", "no-such-rule"; run `podscope rules` for the list/],
    ['a bad severity', 'rules:\n  image-required: loud\n', /config bad\.yaml: rules\.image-required: "loud" is not one of error, warning, info, hint, off/],
    ['unknown top-level keys', 'rulez: {}\n', /config bad\.yaml: unknown key "rulez" \(only "rules" is supported\)/],
    ['rules that are not a mapping', 'rules: [a, b]\n', /"rules" must be a mapping/],
    ['YAML that does not parse', 'rules: {a: [\n', /config bad\.yaml:\d+:\d+: /],
    ['a document that is not a mapping', '- a\n', /expected a mapping with a "rules" key/],
  ];
  for (const [what, text, message] of bad) {
    it(`rejects a config with ${what} (exit 2, one line)`, () => {
      const dir = workspace({ 'pod.yaml': FAMILIES.api.text, 'bad.yaml': text });
      const r = runCli(['lint', '--config', 'bad.yaml', 'pod.yaml'], { cwd: dir });
      assert.equal(r.code, 2);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
      assert.equal(r.stdout, '');
    });
  }

  it('reports a missing config file clearly', () => {
    const dir = workspace({ 'pod.yaml': FAMILIES.api.text });
    const r = runCli(['lint', '--config', 'nope.yaml', 'pod.yaml'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'podscope: config nope.yaml: no such file or directory\n');
  });
});
