import type { Document, Pair, YAMLMap } from 'yaml';
import { k8s } from '../../k8sErrors';
import type { PathSeg } from '../../path';
import { mapItems, type Item } from '../../podModel';
import type { PodContext, PodRule } from '../../rule';
import { isDNS1123Label } from '../../validation/names';
import { compareQuantities, parseQuantity } from '../../validation/quantity';
import { asMap, getNode, getScalar } from '../../yamlNodes';
import { isSet, requiredString, stringField } from './fields';
import { podExamples } from '../../exampleManifests';

const DOCS = 'https://kubernetes.io/docs/concepts/storage/volumes/';

// validateVolumeSource's order of sources, with the path segment it names for a second source.
// Two of them are misspelt in the server (cephFS, downwarAPI); we report what it reports.
const SOURCES: readonly (readonly [key: string, reported: string])[] = [
  ['emptyDir', 'emptyDir'], ['hostPath', 'hostPath'], ['gitRepo', 'gitRepo'], ['gcePersistentDisk', 'gcePersistentDisk'],
  ['awsElasticBlockStore', 'awsElasticBlockStore'], ['secret', 'secret'], ['nfs', 'nfs'], ['iscsi', 'iscsi'],
  ['glusterfs', 'glusterfs'], ['flocker', 'flocker'], ['persistentVolumeClaim', 'persistentVolumeClaim'], ['rbd', 'rbd'],
  ['cinder', 'cinder'], ['cephfs', 'cephFS'], ['quobyte', 'quobyte'], ['downwardAPI', 'downwarAPI'], ['fc', 'fc'],
  ['flexVolume', 'flexVolume'], ['configMap', 'configMap'], ['azureFile', 'azureFile'], ['vsphereVolume', 'vsphereVolume'],
  ['photonPersistentDisk', 'photonPersistentDisk'], ['portworxVolume', 'portworxVolume'], ['azureDisk', 'azureDisk'],
  ['storageos', 'storageos'], ['projected', 'projected'], ['scaleIO', 'scaleIO'], ['csi', 'csi'], ['ephemeral', 'ephemeral'],
  ['image', 'image'],
];

/** Source fields that are set (non-null, as a Go pointer would be), in the server's order. */
export function volumeSources(volume: YAMLMap, doc: Document): { pair: Pair; reported: string }[] {
  const out: { pair: Pair; reported: string }[] = [];
  for (const [key, reported] of SOURCES) {
    const pair = isSet(volume, key, doc);
    if (pair) out.push({ pair, reported });
  }
  return out;
}

function volumesOf(ctx: PodContext): Item[] {
  return mapItems(ctx.spec, 'volumes', ctx.pod.specPath, ctx.doc);
}

// ValidateVolumes: names are required DNS-1123 labels.
export const volumeNameInvalid: PodRule = {
  code: 'volume-name-invalid',
  severity: 'error',
  category: 'api',
  scope: 'pod',
  description: 'A volume name is missing or is not a lowercase RFC 1123 label.',
  remediation: 'Name the volume with lower-case letters, digits and \'-\', starting and ending with a letter or digit.',
  examples: podExamples({ spec: `
      volumes:
      - name: nginx_cache
        emptyDir: {}` }, { spec: `
      volumes:
      - name: nginx-cache
        emptyDir: {}` }),
  docUrl: DOCS,
  check(ctx) {
    for (const v of volumesOf(ctx)) {
      const name = requiredString(v.node, 'name', ctx.doc);
      const path = [...v.path, 'name'];
      if (name.kind === 'missing') ctx.report({ ...name.target, path, message: k8s.required() });
      else if (name.kind === 'set') for (const msg of isDNS1123Label(name.field.value)) ctx.report({ node: name.field.node, path, message: k8s.invalid(name.field.value, msg) });
    }
  },
};

// ValidateVolumes only remembers a name once its volume validated cleanly; we approximate "cleanly"
// by a valid name and at most one source (none defaults to emptyDir).
export const volumeNameDuplicate: PodRule = {
  code: 'volume-name-duplicate',
  severity: 'error',
  category: 'api',
  scope: 'pod',
  description: 'Two volumes of one pod share a name.',
  remediation: 'Give each volume of the pod its own name, and mount each by that name.',
  examples: podExamples({ spec: `
      volumes:
      - name: cache
        emptyDir: {}
      - name: cache
        configMap: {name: nginx-conf}` }, { spec: `
      volumes:
      - name: cache
        emptyDir: {}
      - name: conf
        configMap: {name: nginx-conf}` }),
  docUrl: DOCS,
  check(ctx) {
    const seen = new Set<string>();
    for (const v of volumesOf(ctx)) {
      const f = stringField(v.node, 'name', ctx.doc);
      if (!f || f.value === '') continue;
      if (seen.has(f.value)) ctx.report({ node: f.node, path: [...v.path, 'name'], message: k8s.duplicate(f.value) });
      else if (isDNS1123Label(f.value).length === 0 && volumeSources(v.node, ctx.doc).length <= 1) seen.add(f.value);
    }
  },
};

// validateVolumeSource: at most one volume type per volume. Its "must specify a volume type" cannot
// happen for manifests: SetDefaults_Volume turns a volume without any source (or with
// `emptyDir:` left null) into an emptyDir first.
export const volumeSourceCount: PodRule = {
  code: 'volume-source-count',
  severity: 'error',
  category: 'api',
  scope: 'pod',
  description: 'A volume specifies more than one volume type.',
  remediation: 'Give each volume exactly one source; declare a second volume for the other one.',
  examples: podExamples({ spec: `
      volumes:
      - name: conf
        emptyDir: {}
        configMap: {name: nginx-conf}` }, { spec: `
      volumes:
      - name: conf
        configMap: {name: nginx-conf}` }),
  docUrl: DOCS,
  check(ctx) {
    for (const v of volumesOf(ctx)) {
      const sources = volumeSources(v.node, ctx.doc);
      for (const s of sources.slice(1)) ctx.report({ node: s.pair, on: 'key', path: [...v.path, s.reported], message: k8s.forbidden('may not specify more than 1 volume type') });
      const emptyDir = asMap(getNode(v.node, 'emptyDir', ctx.doc), ctx.doc);
      if (emptyDir && sources[0]?.reported === 'emptyDir') reportNegativeSizeLimit(ctx, emptyDir, [...v.path, 'emptyDir', 'sizeLimit']);
    }
  },
};

function reportNegativeSizeLimit(ctx: PodContext, emptyDir: YAMLMap, path: PathSeg[]): void {
  const raw = getScalar(emptyDir, 'sizeLimit', ctx.doc);
  if (typeof raw !== 'string' && typeof raw !== 'number') return;
  const q = parseQuantity(raw);
  if (!q.ok || compareQuantities(q.quantity, { mantissa: 0n, exponent: 0, format: 'DecimalSI' }) >= 0) return;
  ctx.report({ node: getNode(emptyDir, 'sizeLimit', ctx.doc), path, message: k8s.forbidden('SizeLimit field must be a valid resource quantity') });
}
