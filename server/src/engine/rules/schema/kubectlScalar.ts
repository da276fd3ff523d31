// What JSON value kubectl sends for a YAML scalar. kubectl converts YAML to JSON with sigs.k8s.io/yaml,
// which resolves plain scalars by YAML 1.1 rules (go-yaml v2), while the engine parses YAML 1.2. The two
// disagree on a few plain scalars, and the API server only ever sees kubectl's reading:
//   yes/no/on/off/y/n  1.1: booleans      1.2: strings  -> `value: yes` is rejected, `hostNetwork: on` accepted
//   1_000, 0b101       1.1: integers      1.2: strings
import { Scalar } from 'yaml';
import type { JsonKind } from './goDecode';

export interface JsonScalar {
  kind: JsonKind | 'null';
  /** Set for numbers. */
  number?: number;
  /** Set when YAML 1.1 reads this plain scalar differently from YAML 1.2 (worth a hint to quote it). */
  yaml11?: boolean;
}

const YAML11_TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON']);
const YAML11_FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']);
/** go-yaml v2 hands digits to strconv.ParseInt(s, 0, 64) after dropping underscores. */
const YAML11_INT = /^[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0o?[0-7_]+|[0-9][0-9_]*)$/;

export function jsonScalar(node: Scalar): JsonScalar {
  const v = node.value;
  if (v === null || v === undefined) return { kind: 'null' };
  if (typeof v === 'boolean') return { kind: 'bool' };
  if (typeof v === 'number' || typeof v === 'bigint') return { kind: 'number', number: Number(v) };
  if (typeof v !== 'string') return { kind: 'string' };
  if (node.type !== Scalar.PLAIN) return { kind: 'string' };
  if (YAML11_TRUE.has(v) || YAML11_FALSE.has(v)) return { kind: 'bool', yaml11: true };
  if (YAML11_INT.test(v) && /\d/.test(v)) {
    const n = parseYaml11Int(v);
    if (n !== undefined) return { kind: 'number', number: n, yaml11: true };
  }
  return { kind: 'string' };
}

function parseYaml11Int(text: string): number | undefined {
  const s = text.replace(/_/g, '');
  const sign = s.startsWith('-') ? -1 : 1;
  const body = s.replace(/^[-+]/, '');
  let n: number;
  if (/^0b/.test(body)) n = parseInt(body.slice(2), 2);
  else if (/^0x/.test(body)) n = parseInt(body.slice(2), 16);
  else if (/^0o/.test(body)) n = parseInt(body.slice(2), 8);
  else if (/^0[0-7]+$/.test(body)) n = parseInt(body.slice(1), 8);
  else n = parseInt(body, 10);
  return Number.isNaN(n) ? undefined : sign * n;
}

