import { mapItems } from '../../podModel';
import type { PodRule } from '../../rule';
import { getPair } from '../../yamlNodes';
import { MOUNT_CONF, podExamples } from '../../exampleManifests';

// In-tree volume plugins kube-apiserver still accepts but warns about (pkg/api/pod/warnings.go),
// keyed by their YAML field. The warning's own words say when each stopped working; for gitRepo,
// v1.36 locks the GitRepoVolumeDriver gate off, so the kubelet refuses to mount it
// (pkg/volume/git_repo: "git-repo volume plugin has been disabled").
const GONE = 'the kubelet no longer has this plugin, so the volume cannot be mounted';

const DEPRECATED: Record<string, { warning: string; effect: string }> = {
  photonPersistentDisk: { warning: 'deprecated in v1.11, non-functional in v1.16+', effect: GONE },
  gitRepo: {
    warning: 'deprecated in v1.11, and disabled by default in v1.33+',
    effect: 'in v1.36 the kubelet refuses to mount it and the pod never starts; clone the repository from an init container into an emptyDir instead',
  },
  scaleIO: { warning: 'deprecated in v1.16, non-functional in v1.22+', effect: GONE },
  flocker: { warning: 'deprecated in v1.22, non-functional in v1.25+', effect: GONE },
  storageos: { warning: 'deprecated in v1.22, non-functional in v1.25+', effect: GONE },
  quobyte: { warning: 'deprecated in v1.22, non-functional in v1.25+', effect: GONE },
  glusterfs: { warning: 'deprecated in v1.25, non-functional in v1.26+', effect: GONE },
  cephfs: { warning: 'deprecated in v1.28, non-functional in v1.31+', effect: `${GONE}; use the CephFS CSI driver` },
  rbd: { warning: 'deprecated in v1.28, non-functional in v1.31+', effect: `${GONE}; use the Ceph RBD CSI driver` },
};

export const deprecatedVolumeType: PodRule = {
  code: 'deprecated-volume-type',
  severity: 'warning',
  category: 'runtime',
  scope: 'pod',
  description: 'A volume uses an in-tree plugin that is deprecated or no longer works.',
  remediation: 'Use a supported source instead: a CSI driver for storage; for gitRepo, a ConfigMap or an emptyDir that an init container clones the repository into.',
  examples: podExamples({ container: MOUNT_CONF, spec: `
      volumes:
      - name: conf
        gitRepo:
          repository: https://github.com/example/nginx-conf.git` }, { container: MOUNT_CONF, spec: `
      volumes:
      - name: conf
        configMap: {name: nginx-conf}` }),
  docUrl: 'https://kubernetes.io/docs/concepts/storage/volumes/',
  check(ctx) {
    for (const v of mapItems(ctx.spec, 'volumes', ctx.pod.specPath, ctx.doc)) {
      for (const [field, { warning, effect }] of Object.entries(DEPRECATED)) {
        const pair = getPair(v.node, field);
        if (!pair || pair.value === null) continue;
        ctx.report({ node: pair, on: 'key', path: [...v.path, field], message: `${warning}; ${effect}.` });
      }
    }
  },
};
