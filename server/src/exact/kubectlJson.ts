// A YAML document as the JSON kubectl would send: sigs.k8s.io/yaml reads plain scalars by YAML
// 1.1 rules (`yes` is true, `0o17` and `1_000` are integers, `0644` is octal), which the engine's YAML 1.2 parse
// does not; the API server only ever sees kubectl's reading.
import { isAlias, isMap, isScalar, isSeq, Scalar, type Document, type Node } from 'yaml';
import { jsonScalar } from '../engine/rules/schema/kubectlScalar';

/**
 * `defaultMode: 0644`: YAML 1.2 reads the plain scalar as decimal 644, go-yaml v2 (strconv.ParseInt with base 0)
 * as octal 420, the mode meant. The engine's parse already holds a number here, so the source text decides.
 */
const LEADING_ZERO_OCTAL = /^([-+]?)0([0-7_]+)$/;

/** Nodes visited while expanding aliases; beyond it a document is refused (the engine reports the bomb). */
const MAX_NODES = 100_000;

export function kubectlJson(doc: Document): unknown {
  let budget = MAX_NODES;
  const convert = (node: unknown): unknown => {
    if (--budget < 0) throw new RangeError('document expands to too many nodes');
    if (isAlias(node)) return convert(node.resolve(doc));
    if (isScalar(node)) {
      const octal = node.type === Scalar.PLAIN && typeof node.value === 'number' ? LEADING_ZERO_OCTAL.exec(node.source ?? '') : null;
      if (octal) return (octal[1] === '-' ? -1 : 1) * parseInt(octal[2]!.replace(/_/g, ''), 8);
      const s = jsonScalar(node);
      if (s.kind === 'null') return null;
      if (s.kind === 'bool') return typeof node.value === 'boolean' ? node.value : /^(y|yes|on|true)$/i.test(String(node.value));
      if (s.kind === 'number') return s.number ?? Number(node.value);
      return typeof node.value === 'string' ? node.value : String(node.value);
    }
    if (isSeq(node)) return node.items.map(convert);
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        const key = convert(pair.key);
        out[typeof key === 'string' ? key : JSON.stringify(key)] = convert(pair.value as Node | null);
      }
      return out;
    }
    return null;
  };
  return convert(doc.contents);
}
