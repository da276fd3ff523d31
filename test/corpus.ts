// The shared real-world corpus (../shared/corpus beside the project; never copied into it), as the
// tests that guard against false positives read it: where it is, which files exist, which must be clean.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Finding } from '../server/src/engine';

export const CORPUS = process.env.PODSCOPE_CORPUS ?? resolve(__dirname, '..', '..', 'shared', 'corpus');

/** Why corpus tests skip, or undefined when the corpus is there. */
export function corpusSkipReason(): string | undefined {
  return existsSync(join(CORPUS, 'INDEX.tsv')) ? undefined : `no corpus at ${CORPUS} (set PODSCOPE_CORPUS to its folder)`;
}

/** Notes that, per the corpus README, mark a file that may rightly get errors or warnings. */
const MAY_FAIL = ['placeholder', 'yaml-parse-error', 'invalid-field', 'deprecated-apiVersion', 'PodPreset', 'federation', 'older docs revision'];

export interface CorpusFile {
  /** Relative to CORPUS, as INDEX.tsv names it. */
  file: string;
  notes: string;
  /** The README says a linter that agrees with the API server reports no error here. */
  mustBeClean: boolean;
}

export function corpusFiles(): CorpusFile[] {
  const rows = readFileSync(join(CORPUS, 'INDEX.tsv'), 'utf8').trim().split('\n');
  const header = rows[0]!.split('\t');
  const fileCol = header.indexOf('local_file');
  const notesCol = header.indexOf('notes');
  if (fileCol < 0 || notesCol < 0) throw new Error(`${join(CORPUS, 'INDEX.tsv')} has no local_file and notes columns`);
  return rows.slice(1).map((r) => r.split('\t')).map((cols) => {
    const notes = cols[notesCol] ?? '';
    return { file: cols[fileCol]!, notes, mustBeClean: !MAY_FAIL.some((m) => notes.includes(m)) };
  });
}

export function readCorpusFile(file: string): string {
  return readFileSync(join(CORPUS, file), 'utf8');
}

/** Which check gives a known error: the engine's rules alone, or with the exact layer (default version) on. */
export type CorpusCheck = 'engine' | 'exact';

/**
 * Errors that are right although the file's note does not announce them: the API server rejects these manifests
 * as well. Each entry must still be reported by the checks it names, so the list cannot go stale silently.
 */
export const KNOWN_REJECTED_UPSTREAM: { file: string; path: string; by: CorpusCheck[]; why: string }[] = [
  {
    file: 'files/website/content__en__examples__pods__restart-policy__restart-all-containers.yaml',
    path: 'spec.initContainers[1].restartPolicyRules[0].onExit', by: ['engine', 'exact'],
    why: 'ContainerRestartRule has exitCodes directly; kubernetes/website#54001 removed onExit after the API server answered "strict decoding error: unknown field"',
  },
  {
    file: 'files/website/content__en__examples__pods__restart-policy__restart-all-containers.yaml',
    path: 'spec.initContainers[1].restartPolicyRules[0].exitCodes', by: ['engine', 'exact'],
    why: 'follows from the unknown onExit above: the rule has no exitCodes, which 1.36 validation requires',
  },
  {
    file: 'files/examples/_archived__volumes__aws_ebs__aws-ebs-web.yaml', path: 'spec.containers[0].ports[0].protocol', by: ['engine', 'exact'],
    why: 'kube-apiserver 1.36.1 (kubectl create --dry-run=server) answers: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"',
  },
  {
    file: 'files/examples/_archived__volumes__cinder__cinder-web.yaml', path: 'spec.containers[0].ports[0].protocol', by: ['engine', 'exact'],
    why: 'kube-apiserver 1.36.1 rejects lower-case "tcp" exactly as for the aws-ebs example',
  },
  {
    file: 'files/website/content__en__examples__pods__emptydir-volume-mode.yaml', path: 'spec.volumes[0].emptyDir.mode', by: ['engine'],
    why: 'emptyDir.mode is alpha in Kubernetes 1.37 (KEP-5502, kubernetes/kubernetes#140244); 1.36 has no such field (the 1.37 API server knows it and drops it while its gate is off)',
  },
  {
    file: 'files/examples/_archived__volumes__rbd__rbd.yaml', path: 'spec.volumes[0].rbd.imageformat', by: ['engine', 'exact'],
    why: 'imageformat is a StorageClass parameter of the rbd provisioner, never an RBDVolumeSource field',
  },
  {
    file: 'files/examples/_archived__volumes__rbd__rbd.yaml', path: 'spec.volumes[0].rbd.imagefeatures', by: ['engine', 'exact'],
    why: 'imagefeatures is a StorageClass parameter of the rbd provisioner, never an RBDVolumeSource field',
  },
  {
    file: 'files/examples/_archived__volumes__scaleio__pod.yaml', path: 'spec.volumes[0].scaleIO.protectionDoamin', by: ['engine', 'exact'],
    why: 'typo of protectionDomain',
  },
  {
    file: 'files/examples/_archived__volumes__storageos__storageos-pod.yaml', path: 'spec.volumes[0].storageos.pool', by: ['engine', 'exact'],
    why: 'pool is a StorageClass parameter; StorageOSVolumeSource has no pool field',
  },
  {
    file: 'files/website/content__en__examples__pods__pod-with-numeric-toleration.yaml', path: 'spec.tolerations[0].operator', by: ['exact'],
    why: 'operator Gt needs the alpha gate TaintTolerationComparisonOperators, off by default: kube-apiserver v1.37.2 (kubectl create --dry-run=server) answers Unsupported value: "Gt"',
  },
  {
    file: 'files/examples/_archived__sysdig-cloud__sysdig-rc.yaml', path: 'spec.selector', by: ['exact'],
    why: 'the template has no labels to default the selector from: kube-apiserver v1.37.2 answers spec.selector: Required value',
  },
];

/**
 * Error-severity findings of `lint` on the files the corpus README calls valid, less the known ones of `check`;
 * and the known ones of `check` that were not reported.
 */
export function corpusFalseErrors(check: CorpusCheck, lint: (text: string) => Finding[]): { checked: number; offenders: string[]; missing: string[] } {
  const files = corpusFiles().filter((f) => f.mustBeClean);
  const known = KNOWN_REJECTED_UPSTREAM.filter((k) => k.by.includes(check));
  const seen = new Set<(typeof known)[number]>();
  const offenders: string[] = [];
  for (const { file, notes } of files) {
    for (const f of lint(readCorpusFile(file)).filter((x) => x.severity === 'error')) {
      const k = known.find((x) => x.file === file && x.path === f.path);
      if (k) seen.add(k);
      else offenders.push(`${file}:${f.range.start.line + 1}:${f.range.start.character + 1} [doc ${f.document}] ${f.code} ${f.path}: ${f.message}${notes ? `   (notes: ${notes})` : ''}`);
    }
  }
  return { checked: files.length, offenders, missing: known.filter((k) => !seen.has(k)).map((k) => `${k.file} ${k.path}`) };
}
