// Bounds how deeply a text nests before the YAML parser sees it. The `yaml` parser recurses once per
// level and needs about 1 KB of stack for each; a few hundred levels past what the stack has left it
// throws "Maximum call stack size exceeded", and whether it does depends on how deep the caller
// already was — so a limit far below the stack (a quarter of Node's default) makes the answer the
// same every time. Real manifests nest about 20 levels.
//
// One linear pass over the text, over-approximating the depth the parser will reach: block levels
// from indentation and `- `/`? ` entries, flow levels from `[`/`{` that start a value or sit inside a
// flow collection. Quoted scalars, comments and block scalars (`|`, `>`) are skipped.

export const MAX_NESTING = 256;

export interface DeepNesting {
  /** Offset of the character at which the depth first passes the limit. */
  offset: number;
  limit: number;
}

export function findDeepNesting(text: string, limit = MAX_NESTING): DeepNesting | undefined {
  const blocks: number[] = []; // columns of the open block collections
  let flow = 0;
  let quote = 0; // char code of the open quote, 0 when none
  let blockScalarIndent = -1; // lines more indented than this belong to a block scalar
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let i = lineStart;
    let column = 0;
    while (i < lineEnd && text.charCodeAt(i) === 0x20) { i++; column++; }
    const blank = i >= lineEnd || isSpace(text.charCodeAt(i)) || (text.charCodeAt(i) === 0x23 && quote === 0);
    if (isDocumentMarker(text, lineStart, lineEnd)) {
      blocks.length = 0; flow = 0; quote = 0; blockScalarIndent = -1;
      i = lineStart + 3;
    } else if (blockScalarIndent >= 0 && (blank || column > blockScalarIndent)) {
      lineStart = lineEnd + 1;
      continue;
    } else {
      blockScalarIndent = -1;
      if (blank && quote === 0) { lineStart = lineEnd + 1; continue; }
      if (flow === 0 && quote === 0) {
        while (blocks.length > 0 && blocks[blocks.length - 1]! >= column) blocks.pop();
        blocks.push(column);
        if (blocks.length + flow > limit) return { offset: i, limit };
      }
    }
    // The line's content: block indicators, flow brackets, quotes, comments.
    let valueStart = quote === 0;
    for (; i < lineEnd; i++) {
      const c = text.charCodeAt(i);
      if (quote !== 0) {
        if (quote === 0x22 && c === 0x5c) i++; // backslash escape in "..."
        else if (c === quote) {
          if (quote === 0x27 && text.charCodeAt(i + 1) === 0x27) i++; // '' inside '...'
          else { quote = 0; valueStart = false; }
        }
        continue;
      }
      if (c === 0x20 || c === 0x09 || c === 0x0d) continue;
      if (c === 0x23 && (i === lineStart || isSpace(text.charCodeAt(i - 1)))) break; // comment
      const next = i + 1 < lineEnd ? text.charCodeAt(i + 1) : 0x20;
      if (valueStart && (c === 0x22 || c === 0x27)) { quote = c; continue; }
      if (c === 0x5b || c === 0x7b) { // [ {
        if (flow > 0 || valueStart) {
          flow++;
          if (blocks.length + flow > limit) return { offset: i, limit };
          valueStart = true;
          continue;
        }
      } else if ((c === 0x5d || c === 0x7d) && flow > 0) { // ] }
        flow--;
        valueStart = false;
        continue;
      } else if (c === 0x2c && flow > 0) { // ,
        valueStart = true;
        continue;
      } else if (c === 0x3a && (isSpace(next) || (flow > 0 && isFlowIndicator(next)))) { // :
        valueStart = true;
        continue;
      } else if ((c === 0x2d || c === 0x3f) && valueStart && flow === 0 && isSpace(next)) { // - ?
        blocks.push(column + (i - lineStart - column));
        if (blocks.length + flow > limit) return { offset: i, limit };
        continue;
      } else if ((c === 0x26 || c === 0x21) && valueStart) { // &anchor, !tag: the value follows
        while (i + 1 < lineEnd && !isSpace(text.charCodeAt(i + 1))) i++;
        continue;
      } else if ((c === 0x7c || c === 0x3e) && valueStart && flow === 0) { // | >
        blockScalarIndent = column;
        break;
      }
      valueStart = false;
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

function isFlowIndicator(c: number): boolean {
  return c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d;
}

function isDocumentMarker(text: string, start: number, end: number): boolean {
  if (end - start < 3) return false;
  const m = text.slice(start, start + 3);
  if (m !== '---' && m !== '...') return false;
  return start + 3 >= end || isSpace(text.charCodeAt(start + 3));
}
