// The kwokctl --config file: local binaries only, loopback only, the stages (kwok's defaults plus
// our crash loop and running ephemeral containers), log files (also streamed by attach), a local exec sandbox and
// port-forward targets (portForwardRoutes.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { ClusterLayout } from './layout';
import { kwokAttachObjects, kwokLogObjects } from './logRoutes';
import { kwokPortForwardObjects } from './portForwardRoutes';
import { MANUAL_STATUS_LABEL } from './seed/plan';

const STAGES_DIR = join(__dirname, 'kwok', 'stages');

function kwokctlConfiguration(binDir: string): object {
  const bin = (name: string) => join(binDir, name);
  return {
    apiVersion: 'config.kwok.x-k8s.io/v1alpha1',
    kind: 'KwokctlConfiguration',
    options: {
      runtime: 'binary',
      bindAddress: '127.0.0.1',
      kubeApiserverBinary: bin('kube-apiserver'),
      kubeControllerManagerBinary: bin('kube-controller-manager'),
      kubeSchedulerBinary: bin('kube-scheduler'),
      kubectlBinary: bin('kubectl'),
      etcdBinary: bin('etcd'),
      kwokControllerBinary: bin('kwok'),
    },
  };
}

/**
 * kwok does not default a KwokConfiguration read from a file (only the built-in one), so every
 * option its defaults would set is spelled out; without them kwok exits ("node leases parallelism
 * must be greater than 0") or silently turns off the logs/exec server (enableDebuggingHandlers).
 * Values: pkg/apis/config/v1alpha1/zz_generated.defaults.go at v0.8.0.
 */
function kwokConfiguration(): object {
  return {
    apiVersion: 'config.kwok.x-k8s.io/v1alpha1',
    kind: 'KwokConfiguration',
    options: {
      disregardStatusWithLabelSelector: `${MANUAL_STATUS_LABEL}=true`,
      cidr: '10.0.0.0/24',
      enableDebuggingHandlers: true,
      enableContentionProfiling: false,
      enableProfilingHandler: false,
      podPlayStageParallelism: 4,
      nodePlayStageParallelism: 4,
      nodeLeaseParallelism: 4,
      podsOnNodeSyncParallelism: 1,
      enablePodsOnNodeSyncListPager: true,
      enablePodsOnNodeSyncStreamWatch: false,
    },
  };
}

function clusterExec(layout: ClusterLayout): object {
  return {
    apiVersion: 'kwok.x-k8s.io/v1alpha1',
    kind: 'ClusterExec',
    metadata: { name: 'local-sandbox' },
    spec: { execs: [{ local: { workDir: layout.execSandbox, envs: [{ name: 'PODSCOPE_EXEC', value: '1' }] } }] },
  };
}

/** Stage files are kept verbatim: kwokctl drops its default stages as soon as any Stage is given. */
function stageDocuments(): string[] {
  return readdirSync(STAGES_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => readFileSync(join(STAGES_DIR, f), 'utf8').replace(/\n*$/, '\n'));
}

export function renderKwokConfig(layout: ClusterLayout, binDir: string): string {
  const objects = [kwokctlConfiguration(binDir), kwokConfiguration(), clusterExec(layout), ...kwokLogObjects(layout), ...kwokAttachObjects(layout), ...kwokPortForwardObjects(layout)];
  return [...objects.map((o) => stringify(o)), ...stageDocuments()].join('---\n');
}
