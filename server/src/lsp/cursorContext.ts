// Where the cursor is in YAML terms, even in a half-typed line. The line is re-parsed with a marker
// at the cursor (yaml-language-server does the same), so the parser, not indentation guesses,
// decides which map or field the cursor belongs to. Only the cursor's chunk is re-parsed.
import { isMap, isScalar, type Document, type YAMLMap } from 'yaml';
import { parseFile } from '../engine';
import { asMap, getString } from '../engine/yamlNodes';
import { chunkAtLine, type Analysis } from './analysis';
import { keyText, nodeAt, type Segment } from './yamlPath';

const MARKER = 'zzPodscopeCursorzz';

export interface CursorContext {
  /** `key`: the cursor is where a field name goes; `value`: where the field's value goes. */
  on: 'key' | 'value';
  /** For `key`: path of the map the name goes into; for `value`: path of the field. */
  path: Segment[];
  /** The document's `kind`, if it has one. */
  kind: string | undefined;
  /** Text already typed before the cursor (what completion filters by). */
  prefix: string;
  /** 0-based line and character range the completion replaces (the word around the cursor). */
  line: number;
  startCharacter: number;
  endCharacter: number;
  /** Field names already present in the map (key context only). */
  existingKeys: ReadonlySet<string>;
  /** True when the key already has a value or a colon, so only the name should be inserted. */
  keyHasValue: boolean;
}

export function cursorContext(analysis: Analysis, line: number, character: number): CursorContext | undefined {
  const chunk = chunkAtLine(analysis, line);
  if (!chunk) return undefined;
  const lines = chunk.text.split('\n');
  const rel = line - chunk.line;
  const lineText = lines[rel];
  if (lineText === undefined) return undefined;
  const before = lineText.slice(0, character);
  const after = lineText.slice(character);
  // In a comment, or right after a colon where a space must come first.
  if (/(^|\s)#/.test(before) || before.endsWith(':')) return undefined;
  const prefix = /[^\s:,[\]{}#"']*$/.exec(before)![0];
  const rest = /^[^\s:,[\]{}#"']*/.exec(after)![0];
  const blockKey = /^\s*(?:-\s+)*[^\s:#"'{[]*$/.test(before) && !after.includes(':');
  lines[rel] = before + MARKER + after + (blockKey ? ':' : '');
  const probe = locateMarker(lines.join('\n'));
  if (!probe) return undefined;
  return {
    ...probe,
    prefix,
    line,
    startCharacter: character - prefix.length,
    endCharacter: character + rest.length,
    keyHasValue: !blockKey && probe.on === 'key',
  };
}

type Probe = Pick<CursorContext, 'on' | 'path' | 'kind' | 'existingKeys'>;

function locateMarker(text: string): Probe | undefined {
  const offset = text.indexOf(MARKER);
  const parsed = parseFile(text);
  const d = parsed.documents.find((x) => x.start <= offset && offset <= x.end);
  if (!d) return undefined;
  const at = nodeAt(d.doc, offset);
  if (!at || !isScalar(at.node) || !String(at.node.value).includes(MARKER)) return undefined;
  const kind = kindOf(d.doc, at.path);
  if (at.on === 'key') {
    return { on: 'key', path: at.path.slice(0, -1), kind, existingKeys: keysOf(at.map) };
  }
  return { on: 'value', path: at.path, kind, existingKeys: new Set() };
}

/** `kind` of the document, unless the marker itself is in the kind's own line. */
function kindOf(doc: Document, path: Segment[]): string | undefined {
  const root = asMap(doc.contents, doc);
  const kind = root ? getString(root, 'kind', doc) : undefined;
  if (path.length === 1 && path[0] === 'kind') return undefined;
  return kind?.includes(MARKER) ? undefined : kind;
}

function keysOf(map: YAMLMap | undefined): Set<string> {
  const keys = new Set<string>();
  if (!map || !isMap(map)) return keys;
  for (const pair of map.items) {
    const k = keyText(pair);
    if (k !== undefined && !k.includes(MARKER)) keys.add(k);
  }
  return keys;
}
