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

  it('parses a version a slice at a time up to a deadline, and the slices add up to the whole analysis', () => {
    const analyzer = new Analyzer(registry);
    const { text } = generatePods(12);
    const whole = new Analyzer(registry).analyze('file:///w.yaml', 1, text);
    // A deadline already passed still parses one chunk per call.
    const sizes: number[] = [];
    for (;;) {
      const { analysis, complete } = analyzer.analyzeUntil('file:///a.yaml', 1, text, 0);
      sizes.push(analysis.chunks.length);
      if (complete) break;
    }
    assert.deepEqual(sizes, whole.chunks.map((_, i) => i + 1));
    const done = analyzer.analyze('file:///a.yaml', 1, text);
    assert.deepEqual(done.chunks.map((c) => [c.line, c.offset, c.documentBase]), whole.chunks.map((c) => [c.line, c.offset, c.documentBase]));
    assert.deepEqual(analyzer.findings(done, {}, '{}'), validateText(text, registry));
  });

  it('gives the findings of the documents parsed so far, then completes an unfinished version on request', () => {
    const analyzer = new Analyzer(registry);
    const { text } = generatePods(20);
    let part = analyzer.analyzeUntil('file:///a.yaml', 1, text, 0);
    for (let i = 0; i < 9; i++) part = analyzer.analyzeUntil('file:///a.yaml', 1, text, 0);
    assert.equal(part.complete, false);
    assert.equal(part.analysis.chunks.length, 10);
    const endLine = part.analysis.chunks[9]!.line + part.analysis.chunks[9]!.text.split('\n').length;
    const prefix = analyzer.findings(part.analysis, {}, '{}');
    assert.ok(prefix.length > 0);
    assert.deepEqual(prefix, validateText(text, registry).filter((f) => f.range.start.line < endLine));
    // A feature (hover, a quick fix) asking for the version gets all of it.
    const whole = analyzer.analyze('file:///a.yaml', 1, text);
    assert.equal(whole.chunks.length, 20);
    assert.deepEqual(analyzer.findings(whole, {}, '{}'), validateText(text, registry));
    assert.equal(whole.chunks[3]!.parsed, part.analysis.chunks[3]!.parsed, 'the chunks parsed in slices are kept');
  });

  it('starts over for a newer version, reusing the chunks an unfinished one parsed', () => {
    const analyzer = new Analyzer(registry);
    const { text } = generatePods(10);
    const part = analyzer.analyzeUntil('file:///a.yaml', 1, text, 0);
    const edited = text.replace('name: web-7\n', 'name: web-seven\n');
    const v2 = analyzer.analyze('file:///a.yaml', 2, edited);
    assert.equal(v2.chunks[0]!.parsed, part.analysis.chunks[0]!.parsed);
    assert.deepEqual(analyzer.findings(v2, {}, '{}'), validateText(edited, registry));
  });

  it('reuses the placed findings of documents an edit did not move', () => {
    const analyzer = new Analyzer(registry);
    const { text } = generatePods(20);
    const before = analyzer.findings(analyzer.analyze('file:///a.yaml', 1, text), {}, '{}');
    const edited = text.replace('name: web-15\n', 'name: web-fifteen\n');
    const after = analyzer.findings(analyzer.analyze('file:///a.yaml', 2, edited), {}, '{}');
    assert.deepEqual(after, validateText(edited, registry));
    const earlier = before.filter((f) => f.document > 0 && f.document < 15);
    assert.ok(earlier.length > 0);
    assert.ok(earlier.every((f) => after.includes(f)), 'the same finding objects, not copies');
  });
});
