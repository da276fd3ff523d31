import type { Document, Node, YAMLMap } from 'yaml';
import type { PathSeg } from '../../path';
import { mapItems, type Item } from '../../podModel';
import type { PodContext, PodRule } from '../../rule';
import { asMap, getNode, getString } from '../../yamlNodes';
import { WARNINGS_GO } from './apiWarning';
import { indent, MOUNT_CONF, podExamples } from '../../exampleManifests';

// kube-apiserver warns (pkg/api/pod/warnings.go warningsForOverlappingVirtualPaths); this is that
// walk, with its wording and its order.
interface VPath { path: string; source: string; node: Node | undefined; at: PathSeg[] }

export const volumePathOverlap: PodRule = {
  code: 'volume-path-overlap',
  severity: 'warning',
  category: 'runtime',
  scope: 'pod',
  description: 'Two items of a configMap, secret, downwardAPI or projected volume map to overlapping file paths.',
  why: 'Two keys projected to one file, or a file where another key needs a directory, make the kubelet write one over the other or fail the mount with "is a directory" or "file exists".',
  remediation: 'Give each projected key its own path, none of them inside another.',
  examples: podExamples(
    { container: MOUNT_CONF, spec: confItems('nginx.conf/default.conf') },
    { container: MOUNT_CONF, spec: confItems('conf.d/default.conf') },
  ),
  docUrl: WARNINGS_GO,
  check(ctx) {
    for (const v of mapItems(ctx.spec, 'volumes', ctx.pod.specPath, ctx.doc)) {
      const name = getString(v.node, 'name', ctx.doc) ?? '';
      const single = (field: string, label: string) => {
        const src = asMap(getNode(v.node, field, ctx.doc), ctx.doc);
        if (!src || !getNode(src, 'items', ctx.doc)) return;
        const paths = itemPaths(src, [...v.path, field], '', ctx.doc);
        for (const [needle, hit] of overlaps(paths)) report(ctx, needle, `volume ${JSON.stringify(name)} (${label}): overlapping paths: ${show(needle)} with ${show(hit)}`);
      };
      const configMap = asMap(getNode(v.node, 'configMap', ctx.doc), ctx.doc);
      single('configMap', `ConfigMap ${JSON.stringify(getString(configMap, 'name', ctx.doc) ?? '')}`);
      const secret = asMap(getNode(v.node, 'secret', ctx.doc), ctx.doc);
      single('secret', `Secret ${JSON.stringify(getString(secret, 'secretName', ctx.doc) ?? '')}`);
      single('downwardAPI', 'DownwardAPI');
      checkProjected(ctx, v, name);
    }
  },
};

function checkProjected(ctx: PodContext, v: Item, name: string): void {
  const projected = asMap(getNode(v.node, 'projected', ctx.doc), ctx.doc);
  const all: VPath[] = [];
  for (const s of mapItems(projected, 'sources', [...v.path, 'projected'], ctx.doc)) {
    for (const needle of sourcePaths(s, ctx.doc)) {
      const trimmed = { ...needle, path: trimSlashes(needle.path) };
      for (const hit of collisions(all, trimmed)) {
        report(ctx, trimmed, `volume ${JSON.stringify(name)} (Projected): overlapping paths: ${show(trimmed)} with ${show(hit)}`);
      }
      all.push(trimmed);
    }
  }
}

/** The paths one projected source writes, labelled as the API server labels them. */
function sourcePaths(s: Item, doc: Document): VPath[] {
  const sub = (k: string) => asMap(getNode(s.node, k, doc), doc);
  const cm = sub('configMap');
  if (cm && getNode(cm, 'items', doc)) return itemPaths(cm, [...s.path, 'configMap'], `ConfigMap ${JSON.stringify(getString(cm, 'name', doc) ?? '')}`, doc);
  const secret = sub('secret');
  if (secret && getNode(secret, 'items', doc)) return itemPaths(secret, [...s.path, 'secret'], `Secret ${JSON.stringify(getString(secret, 'name', doc) ?? '')}`, doc);
  const downward = sub('downwardAPI');
  if (downward && getNode(downward, 'items', doc)) return itemPaths(downward, [...s.path, 'downwardAPI'], 'DownwardAPI', doc);
  const token = sub('serviceAccountToken');
  if (token) return [field(token, 'path', [...s.path, 'serviceAccountToken'], 'ServiceAccountToken', doc)];
  const bundle = sub('clusterTrustBundle');
  if (bundle) {
    const label = getString(bundle, 'name', doc) ?? getString(bundle, 'signerName', doc) ?? '';
    return [field(bundle, 'path', [...s.path, 'clusterTrustBundle'], `ClusterTrustBundle ${JSON.stringify(label)}`, doc)];
  }
  const cert = sub('podCertificate');
  if (cert) {
    const base = [...s.path, 'podCertificate'];
    return ([['certificateChainPath', 'PodCertificate chain'], ['keyPath', 'PodCertificate key'], ['credentialBundlePath', 'PodCertificate credential bundle']] as const)
      .filter(([k]) => getString(cert, k, doc))
      .map(([k, label]) => field(cert, k, base, label, doc));
  }
  return [];
}

function itemPaths(src: YAMLMap, base: PathSeg[], source: string, doc: Document): VPath[] {
  return mapItems(src, 'items', base, doc).map((i) => field(i.node, 'path', i.path, source, doc));
}

function field(map: YAMLMap, key: string, base: PathSeg[], source: string, doc: Document): VPath {
  return { path: getString(map, key, doc) ?? '', source, node: getNode(map, key, doc), at: [...base, key] };
}

/** checkVolumeMappingForOverlap: each path against the ones before it. */
function overlaps(paths: readonly VPath[]): Array<[VPath, VPath]> {
  const seen: VPath[] = [];
  const out: Array<[VPath, VPath]> = [];
  for (const p of paths) {
    const needle = { ...p, path: trimSlashes(p.path) };
    for (const hit of collisions(seen, needle)) out.push([needle, hit]);
    seen.push(needle);
  }
  return out;
}

/** checkForOverlap: equal paths, or one a directory prefix of the other. */
function collisions(haystack: readonly VPath[], needle: VPath): VPath[] {
  if (needle.path === '') return [];
  return haystack.filter((item) => item.path !== '' &&
    (item.path === needle.path || `${item.path}/`.startsWith(`${needle.path}/`) || `${needle.path}/`.startsWith(`${item.path}/`)));
}

function trimSlashes(p: string): string {
  return p.replace(/\/+$/, '');
}

function show(p: VPath): string {
  return p.source ? `${JSON.stringify(p.path)} (${p.source})` : JSON.stringify(p.path);
}

function report(ctx: PodContext, at: VPath, apiWarning: string): void {
  ctx.report({
    node: at.node,
    path: at.at,
    message: `${apiWarning}; the kubelet writes one file over the other or fails the mount with "is a directory" or "file exists".`,
  });
}

/** A pod spec's lines projecting nginx.conf and default.conf from a ConfigMap, the latter at `path` (for the examples). */
function confItems(path: string): string {
  return `volumes:\n- name: conf\n  configMap:\n${indent(`
    name: nginx-conf
    items:
    - {key: nginx.conf, path: nginx.conf}
    - {key: default.conf, path: ${path}}`, 4)}`;
}
