import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitDocuments } from '../../server/src/lsp/documentChunks';

describe('splitDocuments', () => {
  it('splits at every `---` line and records each chunk\'s offset and first line', () => {
    const text = 'a: 1\n---\nb: 2\nc: 3\n--- # next\nd: 4\n';
    const chunks = splitDocuments(text);
    assert.deepEqual(chunks.map((c) => [c.text, c.offset, c.line]), [
      ['a: 1\n', 0, 0],
      ['---\nb: 2\nc: 3\n', 5, 1],
      ['--- # next\nd: 4\n', 19, 4],
    ]);
    assert.equal(chunks.map((c) => c.text).join(''), text);
  });

  it('does not split at `---` that is not a document marker', () => {
    const text = 'a: |\n  ---\n  x\nb: ---\nc: "---x"\n----\n';
    assert.equal(splitDocuments(text).length, 1);
  });

  it('keeps a file with directives whole, since a directive belongs to the document after it', () => {
    const text = 'a: 1\n---\n%YAML 1.2\n---\nb: 2\n';
    assert.deepEqual(splitDocuments(text), [{ text, offset: 0, line: 0 }]);
  });

  it('gives one empty chunk for an empty file', () => {
    assert.deepEqual(splitDocuments(''), [{ text: '', offset: 0, line: 0 }]);
  });

  it('counts lines of CRLF files by their line feeds', () => {
    const chunks = splitDocuments('a: 1\r\nb: 2\r\n---\r\nc: 3\r\n');
    assert.deepEqual(chunks.map((c) => c.line), [0, 2]);
  });

  it('splits only after a line feed: a bare CR or U+2028 before `---` does not start a document', () => {
    assert.equal(splitDocuments('a: 1\r---\rb: 2\n').length, 1);
    assert.equal(splitDocuments('a: "x\u2028--- y"\nb: 2\n').length, 1);
    assert.equal(splitDocuments('a: "x\u2029---\nb: 2\n').length, 1);
  });

  it('splits at a `---` line even inside an unterminated quote, as kubectl\'s document reader does', () => {
    const chunks = splitDocuments('note: "open\n---\nb: 2\n');
    assert.deepEqual(chunks.map((c) => [c.text, c.line]), [['note: "open\n', 0], ['---\nb: 2\n', 1]]);
  });

  it('counts a bare CR as a line end, as the LSP and VS Code do', () => {
    assert.deepEqual(splitDocuments('a: 1\rb: 2\r\n---\nc: 3\n').map((c) => c.line), [0, 2]);
  });
});
