import type { Document, Node } from 'yaml';
import type { PathSeg } from '../../path';
import { mapItems } from '../../podModel';
import type { PodContext, PodRule } from '../../rule';
import { parseQuantity, quantityToString, type Quantity } from '../../validation/quantity';
import { asMap, asScalar, getNode } from '../../yamlNodes';
import { WARNINGS_GO } from './apiWarning';
import { podExamples } from '../../exampleManifests';

const BYTE_RESOURCES = ['memory', 'ephemeral-storage'] as const;

// kube-apiserver's warning (pkg/api/pod/warnings.go, and GetWarningsForPersistentVolumeClaimSpec for ephemeral volume claims).
export const fractionalByteQuantity: PodRule = {
  code: 'fractional-byte-quantity',
  severity: 'warning',
  category: 'runtime',
  scope: 'pod',
  description: 'A memory or storage quantity is not a whole number of bytes (often "m" written for "Mi").',
  why: 'Memory and storage are counted in bytes, yet a quantity may carry a fraction: `512m` is 0.512 bytes, not 512 mebibytes. The API server accepts it and only warns.',
  remediation: 'Write bytes with a binary or decimal suffix (`128Mi`, `1G`), not `m`, which means thousandths.',
  examples: podExamples({ resources: 'limits: {cpu: 500m, memory: 128m}' }),
  docUrl: WARNINGS_GO,
  check(ctx) {
    checkMap(ctx, getNode(ctx.spec, 'overhead', ctx.doc), [...ctx.pod.specPath, 'overhead'], BYTE_RESOURCES);
    for (const c of ctx.containers) {
      const resources = asMap(getNode(c.node, 'resources', ctx.doc), ctx.doc);
      for (const kind of ['limits', 'requests']) {
        checkMap(ctx, getNode(resources, kind, ctx.doc), [...c.path, 'resources', kind], BYTE_RESOURCES);
      }
    }
    for (const v of mapItems(ctx.spec, 'volumes', ctx.pod.specPath, ctx.doc)) {
      const base: PathSeg[] = [...v.path, 'ephemeral', 'volumeClaimTemplate', 'spec', 'resources'];
      let node: Node | undefined = v.node;
      for (const seg of base.slice(v.path.length)) node = getNode(asMap(node, ctx.doc), String(seg), ctx.doc);
      for (const kind of ['requests', 'limits']) {
        checkMap(ctx, getNode(asMap(node, ctx.doc), kind, ctx.doc), [...base, kind], ['storage']);
      }
    }
  },
};

function checkMap(ctx: PodContext, node: Node | undefined, path: PathSeg[], names: readonly string[]): void {
  const map = asMap(node, ctx.doc);
  for (const name of names) {
    const valueNode = getNode(map, name, ctx.doc);
    const q = quantityOf(valueNode, ctx.doc);
    if (!q || !isFractionalBytes(q)) continue;
    const shown = quantityToString(q);
    const raw = String(asScalar(valueNode, ctx.doc)?.value ?? '');
    const milli = /^[+]?[0-9.]+m$/.exec(raw);
    const mebi = milli ? `${raw.slice(0, -1)}Mi` : '';
    const hint = milli
      ? `; the "m" suffix means thousandths of a byte, not mebibytes (${JSON.stringify(mebi)})`
      : '; the kubelet rounds it to whole bytes';
    const fix = milli ? ctx.replaceFix(`Change to ${mebi}`, valueNode, mebi) : undefined;
    ctx.report({
      node: valueNode,
      path: [...path, { key: name }],
      message: `fractional byte value ${JSON.stringify(shown)} is invalid, must be an integer${hint}.`,
      fixes: fix ? [fix] : undefined,
    });
  }
}

function quantityOf(node: Node | undefined, doc: Document): Quantity | undefined {
  const v = asScalar(node, doc)?.value;
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  const parsed = parseQuantity(v);
  return parsed.ok ? parsed.quantity : undefined;
}

/** Go: `q.MilliValue() % 1000 != 0`, where MilliValue rounds up to whole thousandths. */
export function isFractionalBytes(q: Quantity): boolean {
  // Whole multiples of 10^0 and above are whole bytes; skipping them also avoids building 10^huge.
  if (q.exponent >= 0) return false;
  const shift = q.exponent + 3;
  let milli: bigint;
  if (shift >= 0) {
    milli = q.mantissa * 10n ** BigInt(shift);
  } else {
    const d = 10n ** BigInt(-shift);
    milli = q.mantissa / d;
    if (q.mantissa % d !== 0n && q.mantissa > 0n) milli += 1n;
  }
  return milli % 1000n !== 0n;
}
