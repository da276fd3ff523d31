// The kwokctl --config file: local binaries only, loopback only, the stages (kwok's defaults plus
// our crash loop and running ephemeral containers), log files (also streamed by attach), a local exec sandbox,
// port-forward targets (portForwardRoutes.ts), and metrics-server scraping kwok's simulated usage (what `kubectl top`
// and the explorer's metrics read).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { ClusterLayout } from './layout';
import { kwokAttachObjects, kwokLogObjects } from './logRoutes';
import { kwokPortForwardObjects } from './portForwardRoutes';
import { MANUAL_STATUS_LABEL } from './seed/plan';

const STAGES_DIR = join(__dirname, 'kwok', 'stages');
/** kwok's Metric (the kubelet's /metrics/resource) and our ClusterResourceUsage. */
const METRICS_DIR = join(__dirname, 'kwok', 'metrics');
/** metrics-server's APIService and Service, read by kwokctl with `kubectl kustomize` (else it downloads them). */
const METRICS_SERVER_MANIFESTS = join(__dirname, 'kwok', 'metrics-server');

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
      enable: ['metrics-server'],
      // Both default to github.com release downloads; there is no internet here.
      metricsServerBinary: bin('metrics-server'),
      metricsServerManifests: [METRICS_SERVER_MANIFESTS],
    },
    // kwokctl runs metrics-server at 15 s; its floor of 10 s serves a new pod's first figures (two scrapes) sooner.
    // The resolution must exceed the scrape timeout (default 10 s) by a tenth, else metrics-server exits at start.
    componentsPatches: [{
      name: 'metrics-server',
      extraArgs: [{ key: 'metric-resolution', value: '10s', override: true }, { key: 'kubelet-request-timeout', value: '5s' }],
    }],
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

/** Kept verbatim. kwokctl drops its default stages as soon as any Stage is given (its default Metric and usage likewise). */
function yamlDocuments(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8').replace(/\n*$/, '\n'));
}

export function renderKwokConfig(layout: ClusterLayout, binDir: string): string {
  const objects = [kwokctlConfiguration(binDir), kwokConfiguration(), clusterExec(layout), ...kwokLogObjects(layout), ...kwokAttachObjects(layout), ...kwokPortForwardObjects(layout)];
  return [...objects.map((o) => stringify(o)), ...yamlDocuments(STAGES_DIR), ...yamlDocuments(METRICS_DIR)].join('---\n');
}
