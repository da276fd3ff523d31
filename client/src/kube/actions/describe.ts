// `kubectl describe pod` as text: the same sections, labels and tab alignment as kubectl's describePod
// (k8s.io/kubectl/pkg/describe), built from the pod and its events. Times are printed in UTC (kubectl uses the local
// zone) so the document reads the same for everyone looking at it.
import type { CoreV1Event, V1Container, V1ContainerState, V1ContainerStatus, V1Pod, V1Probe, V1Toleration, V1Volume } from '@kubernetes/client-node';
import { humanDuration } from '../pod/podStatus';
import { formatTabbed } from './tabWriter';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const MAX_ANNOTATION_LEN = 140;

class PrefixWriter {
  private readonly out: string[] = [];

  write(level: number, text: string): void {
    this.out.push('  '.repeat(level) + text);
  }

  text(): string {
    return formatTabbed(this.out.join(''));
  }
}

export function describePod(pod: V1Pod, events: readonly CoreV1Event[] | undefined, now: Date = new Date()): string {
  const w = new PrefixWriter();
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? {};
  const meta = pod.metadata ?? {};
  const since = (t: Date | undefined) => (t ? humanDuration(now.getTime() - new Date(t).getTime()) : '<unknown>');

  w.write(0, `Name:\t${meta.name ?? ''}\n`);
  w.write(0, `Namespace:\t${meta.namespace ?? ''}\n`);
  if (spec.priority !== undefined) w.write(0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.runtimeClassName) w.write(0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  if (spec.serviceAccountName) w.write(0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (status.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  multiline(w, 'Labels', keyValues(meta.labels));
  multiline(w, 'Annotations', annotationLines(meta.annotations ?? {}));
  if (meta.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w.write(0, `Status:\tTerminating (lasts ${since(meta.deletionTimestamp)})\n`);
    w.write(0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(0, `Status:\t${status.phase ?? ''}\n`);
  }
  if (status.reason) w.write(0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(0, `Message:\t${status.message}\n`);
  w.write(0, `IP:\t${status.podIP ?? ''}\n`);
  if (!status.podIPs?.length) {
    w.write(0, 'IPs:\t<none>\n');
  } else {
    w.write(0, 'IPs:\n');
    for (const ip of status.podIPs) w.write(1, `IP:\t${ip.ip}\n`);
  }
  const controller = meta.ownerReferences?.find((o) => o.controller);
  if (controller) w.write(0, `Controlled By:\t${controller.kind}/${controller.name}\n`);
  if (status.nominatedNodeName) w.write(0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  if (spec.initContainers?.length) containers(w, pod, 'Init Containers', spec.initContainers, status.initContainerStatuses);
  containers(w, pod, 'Containers', spec.containers, status.containerStatuses);
  if (spec.ephemeralContainers?.length) {
    containers(w, pod, 'Ephemeral Containers', spec.ephemeralContainers as V1Container[], status.ephemeralContainerStatuses);
  }
  if (spec.readinessGates?.length) {
    w.write(0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const g of spec.readinessGates) {
      const c = status.conditions?.find((x) => x.type === g.conditionType);
      w.write(1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`);
    }
  }
  if (status.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of status.conditions) w.write(1, `${c.type} \t${c.status} \n`);
  }
  volumes(w, spec.volumes);
  w.write(0, `QoS Class:\t${status.qosClass ?? ''}\n`);
  multiline(w, 'Node-Selectors', keyValues(spec.nodeSelector));
  multiline(w, 'Tolerations', (spec.tolerations ?? []).map(toleration));
  if (events !== undefined) describeEvents(w, events, since);
  return w.text();
}

/** `Title:\tfirst` then `\tnext` lines, kubectl's printLabelsMultiline; keys sorted, `<none>` when empty. */
function multiline(w: PrefixWriter, title: string, entries: string[]): void {
  if (entries.length === 0) {
    w.write(0, `${title}:\t<none>\n`);
    return;
  }
  entries.forEach((e, i) => w.write(0, i === 0 ? `${title}:\t${e}\n` : `\t${e}\n`));
}

function keyValues(map: Record<string, string> | undefined): string[] {
  return Object.keys(map ?? {}).sort().map((k) => `${k}=${map?.[k]}`);
}

function annotationLines(annotations: Record<string, string>): string[] {
  return Object.keys(annotations)
    .filter((k) => k !== LAST_APPLIED)
    .sort()
    .map((k) => {
      const v = annotations[k];
      return `${k}: ${v.length > MAX_ANNOTATION_LEN ? `${v.slice(0, MAX_ANNOTATION_LEN)}...` : v}`;
    });
}

function containers(w: PrefixWriter, pod: V1Pod, label: string, list: readonly V1Container[], statuses: readonly V1ContainerStatus[] | undefined): void {
  w.write(0, `${label}:${list.length === 0 ? ' <none>' : ''}\n`);
  for (const c of list) {
    const status = statuses?.find((s) => s.name === c.name);
    w.write(1, `${c.name}:\n`);
    if (status) w.write(2, `Container ID:\t${status.containerID ?? ''}\n`);
    w.write(2, `Image:\t${c.image ?? ''}\n`);
    if (status) w.write(2, `Image ID:\t${status.imageID ?? ''}\n`);
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ');
    w.write(2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`);
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ');
    w.write(2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`);
    commandLines(w, 'Command', c.command);
    commandLines(w, 'Args', c.args);
    if (status) {
      state(w, 'State', status.state);
      if (status.lastState?.terminated) state(w, 'Last State', status.lastState);
      w.write(2, `Ready:\t${status.ready ? 'True' : 'False'}\n`);
      w.write(2, `Restart Count:\t${status.restartCount ?? 0}\n`);
    }
    resources(w, 'Limits', c.resources?.limits);
    resources(w, 'Requests', c.resources?.requests);
    if (c.livenessProbe) w.write(2, `Liveness:\t${probe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(2, `Readiness:\t${probe(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(2, `Startup:\t${probe(c.startupProbe)}\n`);
    environment(w, c, pod);
    mounts(w, c);
  }
}

function commandLines(w: PrefixWriter, title: string, parts: readonly string[] | undefined): void {
  if (!parts?.length) return;
  w.write(2, `${title}:\n`);
  for (const p of parts) for (const line of p.split('\n')) w.write(3, `${line}\n`);
}

function state(w: PrefixWriter, name: string, s: V1ContainerState | undefined): void {
  if (s?.running) {
    w.write(2, `${name}:\tRunning\n`);
    w.write(3, `Started:\t${s.running.startedAt ? rfc1123z(s.running.startedAt) : ''}\n`);
  } else if (s?.terminated) {
    const t = s.terminated;
    w.write(2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(3, `Message:\t${t.message}\n`);
    w.write(3, `Exit Code:\t${t.exitCode}\n`);
    if (t.signal) w.write(3, `Signal:\t${t.signal}\n`);
    w.write(3, `Started:\t${t.startedAt ? rfc1123z(t.startedAt) : ''}\n`);
    w.write(3, `Finished:\t${t.finishedAt ? rfc1123z(t.finishedAt) : ''}\n`);
  } else {
    w.write(2, `${name}:\tWaiting\n`);
    if (s?.waiting?.reason) w.write(3, `Reason:\t${s.waiting.reason}\n`);
  }
}

function resources(w: PrefixWriter, title: string, values: Record<string, string> | undefined): void {
  const names = Object.keys(values ?? {}).sort();
  if (names.length === 0) return;
  w.write(2, `${title}:\n`);
  for (const n of names) w.write(3, `${n}:\t${values?.[n]}\n`);
}

function probe(p: V1Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const scheme = (p.httpGet.scheme ?? 'HTTP').toLowerCase();
    return `http-get ${scheme}://${p.httpGet.host ?? ''}:${p.httpGet.port}${p.httpGet.path ?? ''} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${p.tcpSocket.port} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function environment(w: PrefixWriter, c: V1Container, pod: V1Pod): void {
  if (c.envFrom?.length) {
    w.write(2, 'Environment Variables from:\n');
    for (const e of c.envFrom) {
      const ref = e.configMapRef ?? e.secretRef;
      const from = e.configMapRef ? 'ConfigMap' : 'Secret';
      const withPrefix = e.prefix ? ` with prefix '${e.prefix}'` : '';
      w.write(3, `${ref?.name ?? ''}\t${from}${withPrefix}\tOptional: ${ref?.optional === true}\n`);
    }
  }
  w.write(2, `Environment:${c.env?.length ? '' : '\t<none>'}\n`);
  for (const e of c.env ?? []) {
    const from = e.valueFrom;
    if (!from) {
      (e.value ?? '').split('\n').forEach((line, i) => w.write(3, i === 0 ? `${e.name}:\t${line}\n` : `\t${line}\n`));
    } else if (from.fieldRef) {
      w.write(3, `${e.name}:\t${fieldValue(pod, from.fieldRef.fieldPath)} (${from.fieldRef.apiVersion ?? 'v1'}:${from.fieldRef.fieldPath})\n`);
    } else if (from.resourceFieldRef) {
      w.write(3, `${e.name}:\t (${from.resourceFieldRef.resource})\n`);
    } else if (from.secretKeyRef) {
      w.write(3, `${e.name}:\t<set to the key '${from.secretKeyRef.key}' in secret '${from.secretKeyRef.name}'>\tOptional: ${from.secretKeyRef.optional === true}\n`);
    } else if (from.configMapKeyRef) {
      w.write(3, `${e.name}:\t<set to the key '${from.configMapKeyRef.key}' of config map '${from.configMapKeyRef.name}'>\tOptional: ${from.configMapKeyRef.optional === true}\n`);
    }
  }
}

/** The downward-API fields kubectl resolves for `valueFrom.fieldRef`. */
function fieldValue(pod: V1Pod, path: string): string {
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
  if (m) return (m[1] === 'labels' ? pod.metadata?.labels : pod.metadata?.annotations)?.[m[2]] ?? '';
  const simple: Record<string, string | undefined> = {
    'metadata.name': pod.metadata?.name,
    'metadata.namespace': pod.metadata?.namespace,
    'metadata.uid': pod.metadata?.uid,
    'spec.nodeName': pod.spec?.nodeName,
    'spec.serviceAccountName': pod.spec?.serviceAccountName,
    'status.hostIP': pod.status?.hostIP,
    'status.podIP': pod.status?.podIP,
  };
  return simple[path] ?? '';
}

function mounts(w: PrefixWriter, c: V1Container): void {
  const list = [...(c.volumeMounts ?? [])].sort((a, b) => a.mountPath.localeCompare(b.mountPath));
  w.write(2, `Mounts:${list.length ? '' : '\t<none>'}\n`);
  for (const m of list) {
    const flags = [m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path=${JSON.stringify(m.subPath)}`] : [])];
    w.write(3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
  }
}

function volumes(w: PrefixWriter, list: readonly V1Volume[] | undefined): void {
  if (!list?.length) {
    w.write(0, 'Volumes:\t<none>\n');
    return;
  }
  w.write(0, 'Volumes:\n');
  for (const v of list) {
    w.write(1, `${v.name}:\n`);
    for (const line of volumeSource(v)) w.write(2, line);
  }
}

function volumeSource(v: V1Volume): string[] {
  if (v.emptyDir) {
    return ['Type:\tEmptyDir (a temporary directory that shares a pod\'s lifetime)\n', `Medium:\t${v.emptyDir.medium ?? ''}\n`, `SizeLimit:\t${v.emptyDir.sizeLimit ?? '<unset>'}\n`];
  }
  if (v.configMap) {
    return ['Type:\tConfigMap (a volume populated by a ConfigMap)\n', `Name:\t${v.configMap.name ?? ''}\n`, `Optional:\t${v.configMap.optional === true}\n`];
  }
  if (v.secret) {
    return ['Type:\tSecret (a volume populated by a Secret)\n', `SecretName:\t${v.secret.secretName ?? ''}\n`, `Optional:\t${v.secret.optional === true}\n`];
  }
  if (v.hostPath) {
    return ['Type:\tHostPath (bare host directory volume)\n', `Path:\t${v.hostPath.path}\n`, `HostPathType:\t${v.hostPath.type || '<none>'}\n`];
  }
  if (v.persistentVolumeClaim) {
    return [
      'Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n',
      `ClaimName:\t${v.persistentVolumeClaim.claimName}\n`,
      `ReadOnly:\t${v.persistentVolumeClaim.readOnly === true}\n`,
    ];
  }
  if (v.projected) {
    const lines = ['Type:\tProjected (a volume that contains injected data from multiple sources)\n'];
    for (const s of v.projected.sources ?? []) {
      if (s.serviceAccountToken) lines.push(`TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 3607}\n`);
      else if (s.configMap) lines.push(`ConfigMapName:\t${s.configMap.name ?? ''}\n`, `Optional:\t${s.configMap.optional === true}\n`);
      else if (s.secret) lines.push(`SecretName:\t${s.secret.name ?? ''}\n`, `Optional:\t${s.secret.optional === true}\n`);
      else if (s.downwardAPI) lines.push('DownwardAPI:\ttrue\n');
    }
    return lines;
  }
  return ['<unknown>\n'];
}

function toleration(t: V1Toleration): string {
  let s = t.key ?? '';
  if (t.value) s += `=${t.value}`;
  if (t.effect) s += `:${t.effect}`;
  if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
  if (t.tolerationSeconds !== undefined) s += ` for ${t.tolerationSeconds}s`;
  return s;
}

function describeEvents(w: PrefixWriter, events: readonly CoreV1Event[], since: (t: Date | undefined) => string): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  // kubectl flushes its tabwriter before the table, so the table aligns on its own.
  w.write(0, 'Events:\n');
  w.write(1, 'Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  const last = (e: CoreV1Event) => e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp;
  // kubectl 1.36's SortableEvents compares lastTimestamp alone (k8s.io/kubectl pkg/util/event): events that only
  // carry an eventTime, like the scheduler's, count as the zero time and come first.
  const sortKey = (e: CoreV1Event) => (e.lastTimestamp ? new Date(e.lastTimestamp).getTime() : 0);
  const sorted = [...events].sort((a, b) => sortKey(a) - sortKey(b));
  for (const e of sorted) {
    const first = e.firstTimestamp ?? e.eventTime;
    const count = e.series?.count ?? e.count ?? 1;
    const age = count > 1 ? `${since(last(e))} (x${count} over ${since(first)})` : since(first);
    // kubectl names the source component (and host); the newer reportingInstance is not shown.
    const from = [e.source?.component || e.reportingComponent, e.source?.host].filter(Boolean).join(', ');
    w.write(1, `${e.type ?? ''}\t${e.reason ?? ''}\t${age}\t${from}\t${(e.message ?? '').trim()}\n`);
  }
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z in UTC: "Mon, 02 Jan 2006 15:04:05 +0000". */
export function rfc1123z(value: Date | string): string {
  const d = new Date(value);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}
