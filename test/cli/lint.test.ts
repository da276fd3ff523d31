import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import pkg from '../../package.json';
import { defaultRegistry, validateText } from '../../server/src/engine';
import { runCli, workspace } from './cliHarness';
import { CLEAN, FAMILIES } from './fixtures';

interface JsonOutput {
  version: number;
  files: number;
  diagnostics: Array<{ file: string; document: number; path: string; severity: string; code: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }>;
}

const json = (stdout: string) => JSON.parse(stdout) as JsonOutput;

describe('podscope lint', () => {
  it('exits 0 and says so for a clean file', () => {
    const dir = workspace({ 'pod.yaml': CLEAN });
    assert.deepEqual(validateText(CLEAN, defaultRegistry()), [], 'fixture CLEAN must stay clean');
    const r = runCli(['lint', 'pod.yaml'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'No problems in 1 file.\n');
  });

  it('exits 1 when there is an error, printing file:line:col: severity code path: message (1-based)', () => {
    const dir = workspace({ 'pod.yaml': FAMILIES.api.text });
    const r = runCli(['lint', 'pod.yaml'], { cwd: dir });
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.ok(lines.includes('pod.yaml:7:5: error image-required spec.containers[0].image: Required value'), r.stdout);
    assert.match(lines.at(-1)!, /^\d+ problems? \(1 error(, .*)?\) in 1 file\.$/);
  });

  it('exits 0 when findings are only warnings', () => {
    const dir = workspace({ 'pod.yaml': FAMILIES.runtime.text });
    const r = runCli(['lint', '--format', 'json', 'pod.yaml'], { cwd: dir });
    const out = json(r.stdout);
    assert.ok(out.diagnostics.length > 0);
    assert.ok(out.diagnostics.every((d) => d.severity !== 'error'));
    assert.equal(r.code, 0);
  });

  it('prints exactly one JSON object in the documented shape, paths as given', () => {
    const dir = workspace({ 'a.yaml': `${CLEAN}---\n${FAMILIES.syntax.text}`, 'b.yaml': FAMILIES.api.text });
    const r = runCli(['lint', '--format', 'json', 'a.yaml', './b.yaml'], { cwd: dir });
    assert.equal(r.code, 1);
    const out = json(r.stdout);
    assert.deepEqual(Object.keys(out), ['version', 'files', 'diagnostics']);
    assert.equal(out.version, 1);
    assert.equal(out.files, 2);
    const syntax = out.diagnostics.find((d) => d.code === 'yaml-syntax')!;
    assert.deepEqual(Object.keys(syntax), ['file', 'document', 'path', 'severity', 'code', 'message', 'range']);
    assert.deepEqual([syntax.file, syntax.document, syntax.path, syntax.severity], ['a.yaml', 1, '', 'error']);
    assert.equal(syntax.range.start.line, CLEAN.split('\n').length + FAMILIES.syntax.line);
    const image = out.diagnostics.find((d) => d.code === 'image-required')!;
    assert.deepEqual(image, {
      file: './b.yaml', document: 0, path: 'spec.containers[0].image', severity: 'error', code: 'image-required', message: 'Required value',
      range: { start: { line: 6, character: 4 }, end: { line: 6, character: 13 } },
    });
  });

  it('searches directories recursively for .yaml and .yml files only, skipping node_modules', () => {
    const dir = workspace({
      'top.yaml': CLEAN,
      'nested/deeper/pod.yml': FAMILIES.api.text,
      'nested/notes.txt': 'kind: Pod\nnot yaml we look at',
      'nested/UPPER.YAML': CLEAN,
      'node_modules/pkg/pod.yaml': FAMILIES.api.text,
    });
    const r = runCli(['lint', '--format', 'json', '.'], { cwd: dir });
    const out = json(r.stdout);
    assert.equal(out.files, 3);
    assert.deepEqual([...new Set(out.diagnostics.map((d) => d.file))], [join('nested', 'deeper', 'pod.yml')]);
    assert.equal(r.code, 1);
  });

  it('reports a missing file as one error of that file and still lints the others (exit 1, not 2)', () => {
    const dir = workspace({ 'pod.yaml': FAMILIES.api.text });
    const r = runCli(['lint', 'missing.yaml', 'pod.yaml'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^missing\.yaml:1:1: error file-unreadable cannot check this file: no such file or directory$/m);
    assert.match(r.stdout, new RegExp(`^pod\\.yaml:\\d+:\\d+: error ${FAMILIES.api.code} `, 'm'));
  });

  for (const [family, c] of Object.entries(FAMILIES)) {
    it(`reports the ${family} family (${c.code}) at its path and line`, () => {
      const dir = workspace({ 'pod.yaml': c.text });
      const out = json(runCli(['lint', '--format', 'json', 'pod.yaml'], { cwd: dir }).stdout);
      const hit = out.diagnostics.find((d) => d.code === c.code);
      assert.ok(hit, `${c.code} in ${JSON.stringify(out.diagnostics.map((d) => d.code))}`);
      assert.equal(hit.path, c.path);
      assert.equal(hit.range.start.line, c.line);
    });
  }
});

describe('podscope usage', () => {
  const usageErrors: Array<[string[], RegExp]> = [
    [['lint'], /lint needs at least one PATH/],
    [['lint', '--format', 'xml', 'a.yaml'], /--format must be one of text, json, sarif, got "xml"/],
    [['lint', '--bogus', 'a.yaml'], /Unknown option '--bogus'/],
    [['lint', '--config'], /--config/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['lsp'], /podscope lsp --stdio/],
  ];
  for (const [args, message] of usageErrors) {
    it(`exits 2 with a usage message for: podscope ${args.join(' ')}`, () => {
      const r = runCli(args);
      assert.equal(r.code, 2);
      assert.match(r.stderr, message);
      assert.match(r.stderr, /^podscope: .*\nRun `podscope --help` for usage\.\n$/);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    });
  }

  it('prints help and the version', () => {
    const help = runCli(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: podscope <command>/);
    assert.equal(runCli(['lint', '--help']).stdout, help.stdout);
    const version = runCli(['--version']);
    assert.equal(version.code, 0);
    assert.equal(version.stdout, `${pkg.version}\n`);
  });
});
