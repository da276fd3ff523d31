import { mapItems } from '../../podModel';
import type { PodRule } from '../../rule';
import { asMap, asScalar, asSeq, getNode } from '../../yamlNodes';
import { WARNINGS_GO } from './apiWarning';
import { podExamples } from '../../exampleManifests';

// kube-apiserver still accepts legacy IP spellings in dnsConfig.nameservers and hostAliases[].ip,
// and warns (apimachinery validation.GetWarningsForIP): IPv4 octets with leading zeros (which
// other tools read as octal), IPv4-mapped IPv6, and IPv6 not in RFC 5952 canonical form.
export const ipAddressNonStandard: PodRule = {
  code: 'ip-address-non-standard',
  severity: 'warning',
  category: 'runtime',
  scope: 'pod',
  description: 'A nameserver or host alias IP is written in a non-standard or non-canonical form.',
  remediation: 'Write the address in its standard form: IPv4 without leading zeros, IPv6 as RFC 5952 (the message gives it).',
  examples: podExamples({ spec: `
      hostAliases:
      - ip: 10.0.0.010
        hostnames: [db.internal]` }, { spec: `
      hostAliases:
      - ip: 10.0.0.10
        hostnames: [db.internal]` }),
  docUrl: WARNINGS_GO,
  check(ctx) {
    const dns = asMap(getNode(ctx.spec, 'dnsConfig', ctx.doc), ctx.doc);
    const check = (raw: unknown, path: Parameters<typeof ctx.report>[0]['path']) => {
      const scalar = asScalar(raw, ctx.doc);
      if (!scalar || typeof scalar.value !== 'string') return;
      const warning = ipWarning(scalar.value);
      if (warning) ctx.report({ node: scalar, path, message: warning });
    };
    asSeq(getNode(dns, 'nameservers', ctx.doc), ctx.doc)?.items.forEach((item, i) => {
      check(item, [...ctx.pod.specPath, 'dnsConfig', 'nameservers', i]);
    });
    for (const a of mapItems(ctx.spec, 'hostAliases', ctx.pod.specPath, ctx.doc)) check(getNode(a.node, 'ip', ctx.doc), [...a.path, 'ip']);
  },
};

/** GetWarningsForIP's message body, or undefined when the address is standard (or not an IP at all). */
export function ipWarning(value: string): string | undefined {
  const v4 = sloppyIPv4(value);
  if (v4 !== undefined) {
    return v4 === value ? undefined : `non-standard IP address ${JSON.stringify(value)} is invalid: use ${JSON.stringify(v4)}`;
  }
  const v6 = canonicalIPv6(value);
  if (v6 === undefined) return undefined;
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(v6);
  if (mapped) {
    const hi = parseInt(mapped[1]!, 16);
    const lo = parseInt(mapped[2]!, 16);
    const ip = [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
    return `non-standard IP address ${JSON.stringify(value)} is invalid: use ${JSON.stringify(ip)}`;
  }
  return v6 === value ? undefined : `IPv6 address ${JSON.stringify(value)} should be in RFC 5952 canonical format (${JSON.stringify(v6)})`;
}

/** netutils.ParseIPSloppy for IPv4: four decimal octets, leading zeros allowed; returns the clean form. */
function sloppyIPv4(value: string): string | undefined {
  const parts = value.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^[0-9]{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.map(Number).join('.');
}

/** RFC 5952 text of an IPv6 address (the WHATWG URL serializer follows the same rules as Go's netip). */
function canonicalIPv6(value: string): string | undefined {
  if (!value.includes(':') || /[^0-9A-Fa-f:.]/.test(value)) return undefined;
  try {
    return new URL(`http://[${value}]/`).hostname.slice(1, -1);
  } catch {
    return undefined;
  }
}
