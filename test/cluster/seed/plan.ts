// What the local cluster is seeded with: one workload per pod state a user meets, and the STATUS and
// READY columns `kubectl get pods` must show for it. Tests read this to know what to expect.

export const NODE_NAME = 'kwok-node-0';
/** Every seeded object carries this label, so tests can tell seeded pods from their own. */
export const SEED_LABEL = 'podscope.dev/seed';
/** kwok's disregardStatusWithLabelSelector: kwok never touches these pods, the seeder writes their status. */
export const MANUAL_STATUS_LABEL = 'podscope.dev/manual-status';
/** Matched by the crash-loop stages in kwok/stages/podscope-crashloop.yaml. */
export const CRASHLOOP_LABEL = 'podscope.dev/crashloop';
export const HOLD_FINALIZER = 'podscope.dev/hold';

export const SEED_NAMESPACES = ['demo', 'batch', 'staging'] as const;

export interface SeedContainer {
  name: string;
  image: string;
  /** 'Always' on an init container makes it a native sidecar. */
  restartPolicy?: 'Always';
}

/** States kwok's stages cannot produce; the seeder patches pod status to reach them. */
export type ManualState = 'Running' | 'Init:0/1' | 'ImagePullBackOff' | 'ContainerCreating' | 'Error' | 'Evicted';

export interface SeedWorkload {
  /** Stable handle for tests, e.g. pod('crashloop'). */
  key: string;
  kind: 'Pod' | 'Deployment' | 'Job';
  namespace: (typeof SEED_NAMESPACES)[number];
  name: string;
  /** Pods this workload yields (Deployment replicas; 1 otherwise). */
  replicas: number;
  containers: readonly SeedContainer[];
  initContainers?: readonly SeedContainer[];
  /** kubectl's STATUS and READY columns once seeded. */
  expect: { status: string; ready: string };
  manualState?: ManualState;
  crashLoop?: boolean;
  /** Held by a finalizer and deleted, so it stays Terminating. */
  terminating?: boolean;
  restartPolicy?: 'Always' | 'Never' | 'OnFailure';
  nodeSelector?: Record<string, string>;
}

const app = (image = 'ghcr.io/podscope/hello:1.0'): SeedContainer => ({ name: 'app', image });

export const SEED_WORKLOADS: readonly SeedWorkload[] = [
  { key: 'running', kind: 'Pod', namespace: 'demo', name: 'hello', replicas: 1, containers: [app()], expect: { status: 'Running', ready: '1/1' } },
  {
    key: 'sidecar',
    kind: 'Pod',
    namespace: 'demo',
    name: 'with-sidecar',
    replicas: 1,
    containers: [app(), { name: 'log-shipper', image: 'ghcr.io/podscope/shipper:2.3' }],
    expect: { status: 'Running', ready: '2/2' },
  },
  {
    key: 'native-sidecar',
    kind: 'Pod',
    namespace: 'demo',
    name: 'native-sidecar',
    replicas: 1,
    initContainers: [{ name: 'proxy', image: 'ghcr.io/podscope/proxy:1.0', restartPolicy: 'Always' }],
    containers: [app()],
    expect: { status: 'Running', ready: '2/2' },
  },
  { key: 'deployment', kind: 'Deployment', namespace: 'demo', name: 'web', replicas: 2, containers: [{ name: 'nginx', image: 'nginx:1.27' }], expect: { status: 'Running', ready: '1/1' } },
  {
    key: 'terminating',
    kind: 'Pod',
    namespace: 'demo',
    name: 'terminating',
    replicas: 1,
    containers: [app()],
    manualState: 'Running',
    terminating: true,
    expect: { status: 'Terminating', ready: '1/1' },
  },
  { key: 'completed', kind: 'Job', namespace: 'batch', name: 'report', replicas: 1, containers: [{ name: 'report', image: 'busybox:1.36' }], restartPolicy: 'Never', expect: { status: 'Completed', ready: '0/1' } },
  { key: 'crashloop', kind: 'Pod', namespace: 'batch', name: 'crashloop', replicas: 1, containers: [{ name: 'worker', image: 'ghcr.io/podscope/worker:0.9' }], crashLoop: true, expect: { status: 'CrashLoopBackOff', ready: '0/1' } },
  { key: 'error', kind: 'Pod', namespace: 'batch', name: 'failed', replicas: 1, containers: [{ name: 'migrate', image: 'ghcr.io/podscope/migrate:1.0' }], restartPolicy: 'Never', manualState: 'Error', expect: { status: 'Error', ready: '0/1' } },
  { key: 'evicted', kind: 'Pod', namespace: 'batch', name: 'evicted', replicas: 1, containers: [app()], manualState: 'Evicted', expect: { status: 'Evicted', ready: '0/1' } },
  {
    key: 'init-waiting',
    kind: 'Pod',
    namespace: 'staging',
    name: 'init-wait',
    replicas: 1,
    initContainers: [{ name: 'wait-for-db', image: 'busybox:1.36' }],
    containers: [app()],
    manualState: 'Init:0/1',
    expect: { status: 'Init:0/1', ready: '0/1' },
  },
  { key: 'image-pull', kind: 'Pod', namespace: 'staging', name: 'image-pull', replicas: 1, containers: [app('registry.invalid/podscope/missing:1.0')], manualState: 'ImagePullBackOff', expect: { status: 'ImagePullBackOff', ready: '0/1' } },
  { key: 'creating', kind: 'Pod', namespace: 'staging', name: 'creating', replicas: 1, containers: [app()], manualState: 'ContainerCreating', expect: { status: 'ContainerCreating', ready: '0/1' } },
  {
    key: 'unschedulable',
    kind: 'Pod',
    namespace: 'staging',
    name: 'unschedulable',
    replicas: 1,
    containers: [app()],
    nodeSelector: { 'podscope.dev/no-such-node': 'true' },
    expect: { status: 'Pending', ready: '0/1' },
  },
];

export function workload(key: string): SeedWorkload {
  const w = SEED_WORKLOADS.find((x) => x.key === key);
  if (!w) throw new Error(`no seeded workload "${key}"; known: ${SEED_WORKLOADS.map((x) => x.key).join(', ')}`);
  return w;
}

export function allContainers(w: SeedWorkload): SeedContainer[] {
  return [...(w.initContainers ?? []), ...w.containers];
}
