// The workloads whose pods a log view can follow, read through the API server: a pod's owner chain (pod → ReplicaSet
// → Deployment, pod → Job → CronJob, by controller ownerReferences), the workloads of a namespace, and each one's pod
// selector in label-selector syntax. Raw requests, because the apps/batch typed clients are not part of ClusterApi.
import { ApiRequestError } from './apiRequest';
import type { ClusterApi } from './clusterApi';

export const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob'] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

const RESOURCES: Record<WorkloadKind, { base: string; plural: string }> = {
  Deployment: { base: '/apis/apps/v1', plural: 'deployments' },
  StatefulSet: { base: '/apis/apps/v1', plural: 'statefulsets' },
  DaemonSet: { base: '/apis/apps/v1', plural: 'daemonsets' },
  ReplicaSet: { base: '/apis/apps/v1', plural: 'replicasets' },
  Job: { base: '/apis/batch/v1', plural: 'jobs' },
  CronJob: { base: '/apis/batch/v1', plural: 'cronjobs' },
};

export interface OwnerReference {
  apiVersion?: string;
  kind?: string;
  name?: string;
  uid?: string;
  controller?: boolean;
}

export interface LabelSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

/** The part of a workload object the log views read. */
export interface Workload {
  kind: WorkloadKind;
  metadata: { name: string; namespace: string; uid?: string; creationTimestamp?: string; ownerReferences?: OwnerReference[] };
  spec?: { selector?: LabelSelector; template?: { spec?: PodTemplateContainers } };
}

interface TemplateContainer {
  name: string;
  ports?: { containerPort: number; name?: string; protocol?: string }[];
}

export interface PodTemplateContainers {
  initContainers?: TemplateContainer[];
  containers?: TemplateContainer[];
}

/** The container names of the workload's pod template, init containers first (the order the pod runs them). */
export function templateContainers(w: Workload): string[] {
  const spec = w.spec?.template?.spec;
  return [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])].map((c) => c.name);
}

type Api = Pick<ClusterApi, 'request'>;

function isWorkloadKind(kind: string | undefined): kind is WorkloadKind {
  return (WORKLOAD_KINDS as readonly string[]).includes(kind ?? '');
}

/** `deployment/web`, as kubectl names it. */
export function workloadName(w: Pick<Workload, 'kind' | 'metadata'>): string {
  return `${w.kind.toLowerCase()}/${w.metadata.name}`;
}

export function controllerOf(meta: { ownerReferences?: OwnerReference[] } | undefined): OwnerReference | undefined {
  return meta?.ownerReferences?.find((o) => o.controller === true);
}

/** A GET of an API path as JSON; a refusal throws the server's Status as an ApiRequestError. */
export async function getJson<T>(api: Api, path: string): Promise<T> {
  const response = await api.request(path);
  if (response.status >= 400) throw ApiRequestError.from(response);
  return JSON.parse(response.body) as T;
}

export async function readWorkload(api: Api, kind: WorkloadKind, namespace: string, name: string): Promise<Workload> {
  const r = RESOURCES[kind];
  const obj = await getJson<Omit<Workload, 'kind'>>(api, `${r.base}/namespaces/${encodeURIComponent(namespace)}/${r.plural}/${encodeURIComponent(name)}`);
  return { ...obj, kind };
}

/** The workloads of a kind in a namespace (undefined: all namespaces), sorted by namespace and name. */
export async function listWorkloads(api: Api, kind: WorkloadKind, namespace: string | undefined): Promise<Workload[]> {
  const r = RESOURCES[kind];
  const path = namespace === undefined ? `${r.base}/${r.plural}` : `${r.base}/namespaces/${encodeURIComponent(namespace)}/${r.plural}`;
  const list = await getJson<{ items?: Omit<Workload, 'kind'>[] }>(api, path);
  return (list.items ?? [])
    .map((w) => ({ ...w, kind }))
    .sort((a, b) => a.metadata.namespace.localeCompare(b.metadata.namespace) || a.metadata.name.localeCompare(b.metadata.name));
}

/**
 * The top of a pod's controller chain among the workload kinds: a ReplicaSet's Deployment, a Job's CronJob. Stops at
 * the last workload it can read (an owner of another kind, or one that is gone); undefined for a pod with no
 * workload controller (a bare pod, or one owned by a node or a custom resource).
 */
export async function ownerWorkload(api: Api, namespace: string, podMeta: { ownerReferences?: OwnerReference[] } | undefined): Promise<Workload | undefined> {
  let owner = controllerOf(podMeta);
  let found: Workload | undefined;
  while (owner && isWorkloadKind(owner.kind) && owner.name) {
    try {
      found = await readWorkload(api, owner.kind, namespace, owner.name);
    } catch (err) {
      // An owner that no longer exists (an orphaned ReplicaSet's Deployment) ends the chain where it broke.
      if (found && err instanceof ApiRequestError && err.code === 404) break;
      throw err;
    }
    owner = controllerOf(found.metadata);
  }
  return found;
}

/** A CronJob's most recent Job (by creation time), the one whose pods its logs show. */
export async function latestJob(api: Api, cronJob: Workload): Promise<Workload | undefined> {
  const jobs = await listWorkloads(api, 'Job', cronJob.metadata.namespace);
  return newestOwnedBy(jobs, cronJob.metadata.uid);
}

export function newestOwnedBy(candidates: readonly Workload[], ownerUid: string | undefined): Workload | undefined {
  let newest: Workload | undefined;
  for (const w of candidates) {
    if (ownerUid === undefined || controllerOf(w.metadata)?.uid !== ownerUid) continue;
    if (!newest || (w.metadata.creationTimestamp ?? '') > (newest.metadata.creationTimestamp ?? '')) newest = w;
  }
  return newest;
}

/**
 * A LabelSelector in the syntax of the `labelSelector` query parameter. Throws for an empty one: it would select
 * every pod of the namespace, which is never a workload's pods.
 */
export function selectorString(selector: LabelSelector | undefined): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(selector?.matchLabels ?? {})) parts.push(`${k}=${v}`);
  for (const e of selector?.matchExpressions ?? []) {
    const values = `(${(e.values ?? []).join(',')})`;
    if (e.operator === 'In') parts.push(`${e.key} in ${values}`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin ${values}`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
    else throw new Error(`spec.selector.matchExpressions: unsupported operator "${e.operator}"`);
  }
  if (parts.length === 0) throw new Error('spec.selector: the workload selects no pods (empty selector)');
  return parts.join(',');
}
