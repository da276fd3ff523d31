// False-positive guard: the full default rule set over the shared real-world corpus (../shared/corpus,
// never copied into the project). Files whose INDEX.tsv notes do not say they may rightly fail must get
// no error-severity finding, except the few listed below, which the Kubernetes 1.36 API server rejects too.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultRegistry, validateText, type Finding } from '../../server/src/engine';
import { corpusFiles, corpusSkipReason, readCorpusFile } from '../corpus';

/**
 * Errors that are right although the file's note does not announce them: the 1.36 API server rejects
 * these manifests as well. Each entry must still be reported, so the list cannot go stale silently.
 */
const KNOWN_REJECTED_UPSTREAM: { file: string; code: string; path: string; why: string }[] = [
  {
    file: 'files/website/content__en__examples__pods__restart-policy__restart-all-containers.yaml',
    code: 'unknown-field', path: 'spec.initContainers[1].restartPolicyRules[0].onExit',
    why: 'ContainerRestartRule has exitCodes directly; kubernetes/website#54001 removed onExit after the API server answered "strict decoding error: unknown field"',
  },
  {
    file: 'files/website/content__en__examples__pods__restart-policy__restart-all-containers.yaml',
    code: 'container-restart-policy-invalid', path: 'spec.initContainers[1].restartPolicyRules[0].exitCodes',
    why: 'follows from the unknown onExit above: the rule has no exitCodes, which 1.36 validation requires',
  },
  {
    file: 'files/examples/_archived__volumes__aws_ebs__aws-ebs-web.yaml', code: 'value-not-supported', path: 'spec.containers[0].ports[0].protocol',
    why: 'kube-apiserver 1.36.1 (kubectl create --dry-run=server) answers: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"',
  },
  {
    file: 'files/examples/_archived__volumes__cinder__cinder-web.yaml', code: 'value-not-supported', path: 'spec.containers[0].ports[0].protocol',
    why: 'kube-apiserver 1.36.1 rejects lower-case "tcp" exactly as for the aws-ebs example',
  },
  {
    file: 'files/website/content__en__examples__pods__emptydir-volume-mode.yaml',
    code: 'unknown-field', path: 'spec.volumes[0].emptyDir.mode',
    why: 'emptyDir.mode is alpha in Kubernetes 1.37 (KEP-5502, kubernetes/kubernetes#140244); 1.36 has no such field',
  },
  {
    file: 'files/examples/_archived__volumes__rbd__rbd.yaml', code: 'unknown-field', path: 'spec.volumes[0].rbd.imageformat',
    why: 'imageformat is a StorageClass parameter of the rbd provisioner, never an RBDVolumeSource field',
  },
  {
    file: 'files/examples/_archived__volumes__rbd__rbd.yaml', code: 'unknown-field', path: 'spec.volumes[0].rbd.imagefeatures',
    why: 'imagefeatures is a StorageClass parameter of the rbd provisioner, never an RBDVolumeSource field',
  },
  {
    file: 'files/examples/_archived__volumes__scaleio__pod.yaml', code: 'unknown-field', path: 'spec.volumes[0].scaleIO.protectionDoamin',
    why: 'typo of protectionDomain',
  },
  {
    file: 'files/examples/_archived__volumes__storageos__storageos-pod.yaml', code: 'unknown-field', path: 'spec.volumes[0].storageos.pool',
    why: 'pool is a StorageClass parameter; StorageOSVolumeSource has no pool field',
  },
];

function isKnown(file: string, f: Finding): boolean {
  return KNOWN_REJECTED_UPSTREAM.some((k) => k.file === file && k.code === f.code && k.path === f.path);
}

const skip = corpusSkipReason() ?? false;
if (skip) console.log(`corpus.test: skipped: ${skip}`);

test('corpus: files expected to be valid get no error from the full default rule set', { skip }, () => {
  const files = corpusFiles().filter((f) => f.mustBeClean);
  assert.ok(files.length > 300, `expected over 300 files to check, found ${files.length}`);
  const registry = defaultRegistry();
  const offenders: string[] = [];
  const seenKnown = new Set<(typeof KNOWN_REJECTED_UPSTREAM)[number]>();
  for (const { file, notes } of files) {
    const findings = validateText(readCorpusFile(file), registry).filter((f) => f.severity === 'error');
    for (const f of findings) {
      if (isKnown(file, f)) {
        seenKnown.add(KNOWN_REJECTED_UPSTREAM.find((k) => k.file === file && k.path === f.path)!);
        continue;
      }
      offenders.push(`${file}:${f.range.start.line + 1}:${f.range.start.character + 1} [doc ${f.document}] ${f.code} ${f.path}: ${f.message}${notes ? `   (notes: ${notes})` : ''}`);
    }
  }
  assert.equal(offenders.length, 0, `${offenders.length} error(s) on files that should be valid:\n${offenders.join('\n')}`);
  const missing = KNOWN_REJECTED_UPSTREAM.filter((k) => !seenKnown.has(k));
  assert.deepEqual(missing, [], 'known upstream errors no longer reported: update KNOWN_REJECTED_UPSTREAM');
});
