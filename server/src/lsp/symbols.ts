// Outline: one symbol per Kubernetes object, its containers under it, their ports under those.
// Plain YAML documents are left to the YAML extension's own outline.
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver/node';
import type { Document } from 'yaml';
import { k8sObjectOf, podLocation } from '../engine/k8sObject';
import { rangeAt } from '../engine/parse';
import { containersOf, mapItems, type ContainerRef } from '../engine/podModel';
import { asMap, getNode, getScalar, getString, nodeSpan } from '../engine/yamlNodes';
import { shiftRange, type Analysis } from './analysis';

/** Source offsets (chunk-relative) -> file range. */
type At = (start: number, end: number) => Range;

export function documentSymbols(analysis: Analysis): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const chunk of analysis.chunks) {
    const at: At = (start, end) => shiftRange(rangeAt(chunk.parsed.lineCounter, start, end), chunk.line);
    for (const d of chunk.parsed.documents) {
      const obj = k8sObjectOf(d);
      if (!obj) continue;
      const meta = asMap(getNode(obj.root, 'metadata', d.doc), d.doc);
      const pod = podLocation(obj, d);
      const containers = pod ? containersOf(pod.spec, pod.specPath, d.doc) : [];
      const range = at(d.start, d.end);
      out.push({
        name: getString(meta, 'name', d.doc) ?? `(unnamed ${obj.kind})`,
        detail: obj.kind,
        kind: SymbolKind.Class,
        range,
        selectionRange: selection(getNode(meta, 'name', d.doc), range, at),
        children: containers.map((c) => containerSymbol(c, d.doc, at)),
      });
    }
  }
  return out;
}

function containerSymbol(c: ContainerRef, doc: Document, at: At): DocumentSymbol {
  const range = rangeOf(c.node, at) ?? at(0, 0);
  return {
    name: c.name ?? `${c.group}[${c.index}]`,
    detail: c.isSidecar ? 'sidecar' : c.group,
    kind: SymbolKind.Module,
    range,
    selectionRange: selection(getNode(c.node, 'name', doc), range, at),
    children: mapItems(c.node, 'ports', c.path, doc).map((p): DocumentSymbol => {
      const portRange = rangeOf(p.node, at) ?? range;
      const number = getScalar(p.node, 'containerPort', doc);
      const name = getString(p.node, 'name', doc);
      const protocol = getString(p.node, 'protocol', doc) ?? 'TCP';
      return {
        name: name ?? (number === undefined ? `ports[${p.index}]` : String(number)),
        detail: number === undefined ? protocol : `${String(number)}/${protocol}`,
        kind: SymbolKind.Field,
        range: portRange,
        selectionRange: selection(getNode(p.node, name ? 'name' : 'containerPort', doc), portRange, at),
      };
    }),
  };
}

function rangeOf(node: unknown, at: At): Range | undefined {
  const span = nodeSpan(node);
  return span ? at(span[0], span[1]) : undefined;
}

/** The LSP requires selectionRange inside range; fall back to the range's start otherwise. */
function selection(nameNode: unknown, range: Range, at: At): Range {
  const r = rangeOf(nameNode, at);
  return r && inside(r, range) ? r : { start: range.start, end: range.start };
}

function inside(inner: Range, outer: Range): boolean {
  const le = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}
