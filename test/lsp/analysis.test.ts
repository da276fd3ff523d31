import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultRegistry, validateText } from '../../server/src/engine';
import { Analyzer, chunkAtLine } from '../../server/src/lsp/analysis';
import { generatePods } from '../bench/generatePods';
import { CORPUS, corpusSkipReason } from '../corpus';

const registry = defaultRegistry();
const CORPUS_FILES = join(CORPUS, 'files');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(name) ? [p] : [];
  });
}

function chunked(text: string, settings = {}) {
  const analyzer = new Analyzer(registry);
  return analyzer.findings(analyzer.analyze('file:///x.yaml', 1, text), settings, JSON.stringify(settings));
}

describe('Analyzer (per-document incremental validation)', () => {
  it('finds exactly what whole-file validation finds on the generated benchmark file', () => {
    const { text } = generatePods(60);
    const whole = validateText(text, registry);
    assert.ok(whole.length > 0, 'the generated file carries deliberate mistakes');
    assert.deepEqual(chunked(text), whole);
  });

  it('finds exactly what whole-file validation finds on every corpus file', (t) => {
    const skip = corpusSkipReason();
    if (skip) {
      t.skip(skip);
      return;
    }
    const files = yamlFiles(CORPUS_FILES);
    assert.ok(files.length > 100);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      assert.deepEqual(chunked(text), validateText(text, registry), file);
    }
  });

  it('applies rule settings like the engine does', () => {
    const { text } = generatePods(20);
    const codes = [...new Set(validateText(text, registry).map((f) => f.code))];
    assert.ok(codes.length >= 2);
    const settings = { [codes[0]!]: 'off' as const, [codes[1]!]: 'hint' as const };
    assert.deepEqual(chunked(text, settings), validateText(text, registry, { settings }));
  });

  it('parses a version once, and after an edit re-parses only the edited document', () => {
    const analyzer = new Analyzer(registry);
    const { text } = generatePods(10);
    const v1 = analyzer.analyze('file:///a.yaml', 1, text);
    assert.equal(analyzer.analyze('file:///a.yaml', 1, 'ignored: same version'), v1);
    const edited = text.replace('name: web-4\n', 'name: web-four\n');
    const v2 = analyzer.analyze('file:///a.yaml', 2, edited);
    const reused = v2.chunks.filter((c, i) => c.parsed === v1.chunks[i]!.parsed).length;
    assert.equal(v2.chunks.length, v1.chunks.length);
    assert.equal(reused, v1.chunks.length - 1);
    assert.notEqual(v2.chunks[4]!.parsed, v1.chunks[4]!.parsed);
  });

  it('shifts reused findings when an edit moves documents down', () => {
    const analyzer = new Analyzer(registry);
    const { text } = generatePods(20);
    analyzer.findings(analyzer.analyze('file:///a.yaml', 1, text), {}, '{}');
    // Insert a whole document at the top: every other document moves down by its lines and by one index.
    const extra = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: extra\nspec:\n  containers:\n  - name: x\n    image: x\n---\n';
    const after = analyzer.findings(analyzer.analyze('file:///a.yaml', 2, extra + text), {}, '{}');
    assert.deepEqual(after, validateText(extra + text, registry));
  });

  it('shifts findings without re-validating documents whose messages cite no line', () => {
    const analyzer = new Analyzer(registry);
    const text = generatePods(20).text.replace(/^ {2}name: web-\d+-again\n/gm, '');
    const v1 = analyzer.analyze('file:///a.yaml', 1, text);
    analyzer.findings(v1, {}, '{}');
    const lists = v1.chunks.map((c) => c.findings!.list);
    const v2 = analyzer.analyze('file:///a.yaml', 2, `# one more line\n${text}`);
    const after = analyzer.findings(v2, {}, '{}');
    assert.deepEqual(after, validateText(`# one more line\n${text}`, registry));
    assert.ok(after.length > 0);
    assert.ok(v2.chunks.slice(1).every((c, i) => c.findings!.list === lists[i + 1]), 'moved documents were not validated again');
  });

  it('finds the chunk of a line', () => {
    const analyzer = new Analyzer(registry);
    const a = analyzer.analyze('file:///a.yaml', 1, 'a: 1\n---\nb: 2\n---\nc: 3\n');
    assert.deepEqual([0, 1, 2, 3, 4, 99].map((l) => chunkAtLine(a, l)!.line), [0, 1, 1, 3, 3, 3]);
  });
});
