// The differential test's manifests: every single mutation below applied to a valid base object of
// every kind the API server's create path validates. Deterministic (no randomness, no outcome-based
// selection): the set is the cross product of a fixed list of mutations and the nine kinds, so a
// rerun sends the same manifests. Values are edge cases in both directions: valid extremes the API
// server accepts and mistakes it rejects (the test compares whatever it answers).

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export interface Mutation {
  /** Area of the spec, for the per-area figures. */
  area: string;
  /** Dot path from the pod spec (`containers.0.ports.0.name`); `@meta.` is the pod metadata, `@obj.` the object. */
  path: string;
  /** The value set there; `undefined` deletes the field. */
  value: Json | undefined;
}

export interface Manifest {
  id: string;
  kind: string;
  area: string;
  mutation: string;
  object: { [k: string]: Json };
}

const c0 = 'containers.0';
const m = (area: string, path: string, value: Json | undefined): Mutation => ({ area, path, value });

/** Mutations of the pod spec (applied to the Pod and to every workload's template). */
export const POD_MUTATIONS: Mutation[] = [
  // containers: names, images, policies, commands
  m('containers', 'containers', []),
  m('containers', `${c0}.name`, 'Web_App'),
  m('containers', `${c0}.name`, 'a'.repeat(63)),
  m('containers', `${c0}.name`, 'a'.repeat(64)),
  m('containers', `${c0}.name`, ''),
  m('containers', `${c0}.image`, ''),
  m('containers', `${c0}.image`, ' nginx'),
  m('containers', `${c0}.imagePullPolicy`, 'always'),
  m('containers', `${c0}.imagePullPolicy`, 'Never'),
  m('containers', `${c0}.terminationMessagePolicy`, 'file'),
  m('containers', `${c0}.terminationMessagePath`, 'relative/path'),
  m('containers', `${c0}.workingDir`, 'relative'),
  m('containers', `${c0}.command`, ['sh', '-c', 'true']),
  m('containers', `${c0}.stdinOnce`, true),
  m('containers', `${c0}.tty`, true),
  m('containers', 'containers.1', { name: 'web', image: 'nginx' }),
  m('containers', 'initContainers', [{ name: 'web', image: 'busybox' }]),
  m('containers', 'initContainers', [{ name: 'init', image: 'busybox', restartPolicy: 'Always' }]),
  m('containers', 'initContainers', [{ name: 'init', image: 'busybox', restartPolicy: 'Never' }]),
  m('containers', 'initContainers', [{ name: 'init', image: 'busybox', lifecycle: { postStart: { exec: { command: ['true'] } } } }]),
  m('containers', `${c0}.restartPolicy`, 'Always'),
  m('containers', `${c0}.unknownField`, 1),
  m('containers', `${c0}.imagePullPolcy`, 'Always'),
  m('containers', 'ephemeralContainers', [{ name: 'debug', image: 'busybox' }]),
  // ports
  m('ports', `${c0}.ports`, [{ containerPort: 0 }]),
  m('ports', `${c0}.ports`, [{ containerPort: 65535 }]),
  m('ports', `${c0}.ports`, [{ containerPort: 65536 }]),
  m('ports', `${c0}.ports`, [{ containerPort: '80' }]),
  m('ports', `${c0}.ports`, [{ containerPort: 80, name: 'http-port-name-too-long' }]),
  m('ports', `${c0}.ports`, [{ containerPort: 80, name: 'HTTP' }]),
  m('ports', `${c0}.ports`, [{ containerPort: 80, protocol: 'tcp' }]),
  m('ports', `${c0}.ports`, [{ containerPort: 80, protocol: 'SCTP' }]),
  m('ports', `${c0}.ports`, [{ containerPort: 80, hostPort: 8080 }, { containerPort: 81, hostPort: 8080 }]),
  m('ports', `${c0}.ports`, [{ containerPort: 80, name: 'a' }, { containerPort: 81, name: 'a' }]),
  m('ports', `${c0}.ports`, [{ containerPort: 80 }, { containerPort: 80 }]),
  m('ports', `${c0}.ports`, [{ containerPort: 80, hostIP: '10.0.0.1' }]),
  m('ports', `${c0}.ports`, [{ containerPort: 80, hostPort: -1 }]),
  // probes and lifecycle
  m('probes', `${c0}.livenessProbe`, {}),
  m('probes', `${c0}.livenessProbe`, { httpGet: { port: 80 }, tcpSocket: { port: 80 } }),
  m('probes', `${c0}.livenessProbe`, { httpGet: { port: 0 } }),
  m('probes', `${c0}.livenessProbe`, { httpGet: { port: 'http-port-name-too-long' } }),
  m('probes', `${c0}.livenessProbe`, { httpGet: { port: 80, scheme: 'http' } }),
  m('probes', `${c0}.livenessProbe`, { exec: { command: ['true'] }, successThreshold: 2 }),
  m('probes', `${c0}.livenessProbe`, { exec: { command: ['true'] }, periodSeconds: 0 }),
  m('probes', `${c0}.livenessProbe`, { exec: { command: ['true'] }, timeoutSeconds: -1 }),
  m('probes', `${c0}.livenessProbe`, { exec: { command: ['true'] }, terminationGracePeriodSeconds: 0 }),
  m('probes', `${c0}.readinessProbe`, { exec: { command: ['true'] }, terminationGracePeriodSeconds: 10 }),
  m('probes', `${c0}.startupProbe`, { grpc: { port: 9090 }, successThreshold: 1 }),
  m('probes', `${c0}.startupProbe`, { grpc: { port: 70000 } }),
  m('probes', `${c0}.lifecycle`, { preStop: { sleep: { seconds: -1 } } }),
  m('probes', `${c0}.lifecycle`, { preStop: { sleep: { seconds: 5 } } }),
  m('probes', `${c0}.lifecycle`, { postStart: {} }),
  m('probes', `${c0}.lifecycle`, { stopSignal: 'SIGTERM' }),
  // resources
  m('resources', `${c0}.resources`, { limits: { memory: '1Gx' } }),
  m('resources', `${c0}.resources`, { limits: { memory: '1.5' } }),
  m('resources', `${c0}.resources`, { limits: { cpu: '-1' } }),
  m('resources', `${c0}.resources`, { limits: { cpu: '100m' }, requests: { cpu: '200m' } }),
  m('resources', `${c0}.resources`, { limits: { 'hugepages-2Mi': '3Mi', memory: '1Gi' } }),
  m('resources', `${c0}.resources`, { limits: { 'example.com/foo': '1.5' } }),
  m('resources', `${c0}.resources`, { limits: { 'example.com/foo': '2' }, requests: { 'example.com/foo': '1' } }),
  m('resources', `${c0}.resources`, { requests: { storage: '1Gi' } }),
  m('resources', `${c0}.resources`, { limits: { cpu: '0' } }),
  m('resources', `${c0}.resizePolicy`, [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }, { resourceName: 'cpu', restartPolicy: 'NotRequired' }]),
  m('resources', `${c0}.resizePolicy`, [{ resourceName: 'memory', restartPolicy: 'RestartContainer' }]),
  m('resources', 'resources', { limits: { cpu: '1' } }),
  m('resources', 'overhead', { memory: '1.5' }),
  // security contexts
  m('security', 'securityContext', { runAsUser: -1 }),
  m('security', 'securityContext', { runAsUser: 2147483647 }),
  m('security', 'securityContext', { runAsGroup: -1 }),
  m('security', 'securityContext', { fsGroup: -5 }),
  m('security', 'securityContext', { supplementalGroups: [-1] }),
  m('security', 'securityContext', { sysctls: [{ name: 'kernel.shm_rmid_forced', value: '1' }] }),
  m('security', 'securityContext', { sysctls: [{ name: 'bad sysctl', value: '1' }] }),
  m('security', 'securityContext', { sysctls: [{ name: 'net.core.somaxconn', value: '1' }, { name: 'net.core.somaxconn', value: '2' }] }),
  m('security', 'securityContext', { seccompProfile: { type: 'Localhost' } }),
  m('security', 'securityContext', { seccompProfile: { type: 'Localhost', localhostProfile: 'profiles/audit.json' } }),
  m('security', 'securityContext', { seccompProfile: { type: 'RuntimeDefault', localhostProfile: 'x' } }),
  m('security', 'securityContext', { appArmorProfile: { type: 'Localhost' } }),
  m('security', 'securityContext', { appArmorProfile: { type: 'Unconfined' } }),
  m('security', 'securityContext', { fsGroupChangePolicy: 'Sometimes' }),
  m('security', 'securityContext', { seLinuxOptions: { level: 's0:c123,c456' } }),
  m('security', 'securityContext', { windowsOptions: { hostProcess: true } }),
  m('security', `${c0}.securityContext`, { privileged: true, allowPrivilegeEscalation: false }),
  m('security', `${c0}.securityContext`, { capabilities: { add: ['SYS_ADMIN'] }, allowPrivilegeEscalation: false }),
  m('security', `${c0}.securityContext`, { privileged: true }),
  m('security', `${c0}.securityContext`, { runAsNonRoot: true, runAsUser: 0 }),
  m('security', `${c0}.securityContext`, { procMount: 'Unmasked' }),
  m('security', `${c0}.securityContext`, { procMount: 'Weird' }),
  m('security', `${c0}.securityContext`, { readOnlyRootFilesystem: 'yes' }),
  m('security', `${c0}.securityContext`, { capabilities: { add: ['NET_ADMIN'], drop: ['ALL'] } }),
  // volumes and mounts
  m('volumes', 'volumes', [{ name: 'v', configMap: {} }]),
  m('volumes', 'volumes', [{ name: 'v', configMap: { name: 'c', defaultMode: 511 } }]),
  m('volumes', 'volumes', [{ name: 'v', configMap: { name: 'c', defaultMode: 512 } }]),
  m('volumes', 'volumes', [{ name: 'v', configMap: { name: 'c', items: [{ key: 'k', path: '../x' }] } }]),
  m('volumes', 'volumes', [{ name: 'v', configMap: { name: 'c', items: [{ key: 'k', path: '/abs' }] } }]),
  m('volumes', 'volumes', [{ name: 'v', secret: { secretName: 's', items: [{ key: 'k', path: 'p', mode: 1000 }] } }]),
  m('volumes', 'volumes', [{ name: 'v', hostPath: { path: '/data', type: 'Directory' } }]),
  m('volumes', 'volumes', [{ name: 'v', hostPath: { path: '/data', type: 'Dir' } }]),
  m('volumes', 'volumes', [{ name: 'v', emptyDir: {}, hostPath: { path: '/x' } }]),
  m('volumes', 'volumes', [{ name: 'v', emptyDir: { medium: 'Disk' } }]),
  m('volumes', 'volumes', [{ name: 'v', emptyDir: { sizeLimit: '1Gi' } }]),
  m('volumes', 'volumes', [{ name: 'V_1', emptyDir: {} }]),
  m('volumes', 'volumes', [{ name: 'v', emptyDir: {} }, { name: 'v', emptyDir: {} }]),
  m('volumes', 'volumes', [{ name: 'v', projected: { sources: [{ serviceAccountToken: { path: 't', expirationSeconds: 60 } }] } }]),
  m('volumes', 'volumes', [{ name: 'v', projected: { sources: [{ serviceAccountToken: { path: 't', expirationSeconds: 600 } }] } }]),
  m('volumes', 'volumes', [{ name: 'v', projected: { sources: [{ configMap: { name: 'a', items: [{ key: 'k', path: 'p' }] } }, { secret: { name: 'b', items: [{ key: 'k', path: 'p' }] } }] } }]),
  m('volumes', 'volumes', [{ name: 'v', downwardAPI: { items: [{ path: 'l', fieldRef: { fieldPath: 'metadata.labels' } }] } }]),
  m('volumes', 'volumes', [{ name: 'v', downwardAPI: { items: [{ path: 'l', fieldRef: { fieldPath: 'spec.nodeName' } }] } }]),
  m('volumes', 'volumes', [{ name: 'v', csi: { driver: '' } }]),
  m('volumes', 'volumes', [{ name: 'v', csi: { driver: 'csi.example.com' } }]),
  m('volumes', 'volumes', [{ name: 'v', nfs: { server: 'nfs', path: 'relative' } }]),
  m('volumes', 'volumes', [{ name: 'v', persistentVolumeClaim: { claimName: '' } }]),
  m('volumes', 'volumes', [{ name: 'v', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } } }]),
  m('volumes', 'volumes', [{ name: 'v', ephemeral: { volumeClaimTemplate: { spec: { resources: { requests: { storage: '1Gi' } } } } } }]),
  m('volumes', 'volumes', [{ name: 'v', image: { reference: 'busybox', pullPolicy: 'IfNotPresent' } }]),
  m('volumes', 'volumes', [{ name: 'v', gitRepo: { repository: 'https://example.com/r.git' } }]),
  m('volumes', `${c0}.volumeMounts`, [{ name: 'missing', mountPath: '/m' }]),
  m('volumes', `${c0}.volumeMounts`, [{ name: 'v', mountPath: 'relative' }]),
  m('volumes', `${c0}.volumeMounts`, [{ name: 'v', mountPath: '/m', subPath: '../x' }]),
  m('volumes', `${c0}.volumeMounts`, [{ name: 'v', mountPath: '/m', mountPropagation: 'Bidirectional' }]),
  m('volumes', `${c0}.volumeMounts`, [{ name: 'v', mountPath: '/m', recursiveReadOnly: 'Enabled' }]),
  m('volumes', `${c0}.volumeDevices`, [{ name: 'v', devicePath: '/dev/x' }]),
  // env
  m('env', `${c0}.env`, [{ name: '' }]),
  m('env', `${c0}.env`, [{ name: '1BAD=' }]),
  m('env', `${c0}.env`, [{ name: 'A', value: 'x', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }]),
  m('env', `${c0}.env`, [{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'spec.nothing' } } }]),
  m('env', `${c0}.env`, [{ name: 'A', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '3m' } } }]),
  m('env', `${c0}.env`, [{ name: 'A', valueFrom: { configMapKeyRef: { name: 'c', key: 'bad key' } } }]),
  m('env', `${c0}.env`, [{ name: 'A', value: 'x' }, { name: 'A', value: 'y' }]),
  m('env', `${c0}.env`, [{ name: 'A', value: true }]),
  m('env', `${c0}.envFrom`, [{ prefix: '1', configMapRef: { name: 'c' } }]),
  m('env', `${c0}.envFrom`, [{ configMapRef: { name: 'c' }, secretRef: { name: 's' } }]),
  // scheduling
  m('scheduling', 'tolerations', [{ key: 'k', operator: 'Exists', value: 'v' }]),
  m('scheduling', 'tolerations', [{ operator: 'Equal', value: 'v' }]),
  m('scheduling', 'tolerations', [{ key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 10 }]),
  m('scheduling', 'tolerations', [{ key: 'k', effect: 'Sometimes' }]),
  m('scheduling', 'tolerations', [{ key: 'bad key', operator: 'Exists' }]),
  m('scheduling', 'nodeSelector', { 'kubernetes.io/os': 'linux' }),
  m('scheduling', 'nodeSelector', { 'bad key!': 'x' }),
  m('scheduling', 'affinity', { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } }),
  m('scheduling', 'affinity', { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'k', operator: 'In' }] }] } } }),
  m('scheduling', 'affinity', { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, preference: {} }] } }),
  m('scheduling', 'affinity', { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, preference: { matchExpressions: [{ key: 'k', operator: 'Exists' }] } }] } }),
  m('scheduling', 'affinity', { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { a: 'b' } } }] } }),
  m('scheduling', 'affinity', { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { a: 'b' } }, topologyKey: 'kubernetes.io/hostname' }] } }),
  m('scheduling', 'affinity', { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 101, podAffinityTerm: { topologyKey: 'zone' } }] } }),
  m('scheduling', 'topologySpreadConstraints', [{ maxSkew: 0, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' }]),
  m('scheduling', 'topologySpreadConstraints', [{ maxSkew: 1, topologyKey: '', whenUnsatisfiable: 'DoNotSchedule' }]),
  m('scheduling', 'topologySpreadConstraints', [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'Maybe' }]),
  m('scheduling', 'topologySpreadConstraints', [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'ScheduleAnyway', minDomains: 2 }]),
  m('scheduling', 'topologySpreadConstraints', [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', minDomains: 2, labelSelector: { matchLabels: { a: 'b' } }, matchLabelKeys: ['a'] }]),
  m('scheduling', 'priority', 10),
  m('scheduling', 'schedulerName', 'Bad_Name'),
  m('scheduling', 'nodeName', 'node_1'),
  m('scheduling', 'schedulingGates', [{ name: 'example.com/gate' }, { name: 'example.com/gate' }]),
  m('scheduling', 'preemptionPolicy', 'Sometimes'),
  m('scheduling', 'activeDeadlineSeconds', 0),
  m('scheduling', 'terminationGracePeriodSeconds', -1),
  // networking
  m('networking', 'dnsPolicy', 'None'),
  m('networking', 'dnsPolicy', 'clusterfirst'),
  m('networking', 'dnsConfig', { nameservers: ['1.2.3.4', '1.2.3.5', '1.2.3.6', '1.2.3.7'] }),
  m('networking', 'dnsConfig', { nameservers: ['not-an-ip'] }),
  m('networking', 'dnsConfig', { searches: ['a..b'] }),
  m('networking', 'dnsConfig', { options: [{ name: '' }] }),
  m('networking', 'hostAliases', [{ ip: 'x', hostnames: ['a'] }]),
  m('networking', 'hostAliases', [{ ip: '10.0.0.1', hostnames: ['A_B'] }]),
  m('networking', 'hostAliases', [{ ip: '10.0.0.1', hostnames: ['a'] }, { ip: '10.0.0.1', hostnames: ['b'] }]),
  m('networking', 'hostname', 'Bad_Host'),
  m('networking', 'hostname', 'a'.repeat(64)),
  m('networking', 'subdomain', 'sub.domain'),
  m('networking', 'hostNetwork', true),
  m('networking', 'hostnameOverride', 'override'),
  m('networking', 'setHostnameAsFQDN', true),
  // os / windows
  m('os', 'os', { name: 'windows' }),
  m('os', 'os', { name: 'Windows' }),
  m('os', 'os', { name: 'windows' }, ),
  m('os', 'os', { name: 'linux' }),
  // restart, misc pod fields
  m('pod', 'restartPolicy', 'always'),
  m('pod', 'restartPolicy', 'OnFailure'),
  m('pod', 'restartPolicy', 'Never'),
  m('pod', 'serviceAccountName', 'Bad_SA'),
  m('pod', 'automountServiceAccountToken', 'yes'),
  m('pod', 'imagePullSecrets', [{ name: '' }]),
  m('pod', 'imagePullSecrets', [{ name: 'a' }, { name: 'a' }]),
  m('pod', 'readinessGates', [{ conditionType: 'bad type!' }]),
  m('pod', 'runtimeClassName', 'Bad_Class'),
  m('pod', 'shareProcessNamespace', true),
  m('pod', 'hostPID', true),
  m('pod', 'hostUsers', false),
  m('pod', 'enableServiceLinks', 'no'),
  m('pod', 'unknownPodField', true),
  // resource claims
  m('claims', 'resourceClaims', [{ name: 'gpu' }]),
  m('claims', 'resourceClaims', [{ name: 'gpu', resourceClaimName: 'c' }]),
  m('claims', 'resourceClaims', [{ name: 'gpu', resourceClaimName: 'c', resourceClaimTemplateName: 't' }]),
  m('claims', 'resourceClaims', [{ name: 'Bad_Name', resourceClaimName: 'c' }]),
  m('claims', `${c0}.resources`, { claims: [{ name: 'missing' }] }),
  // metadata
  m('metadata', '@meta.labels', { 'bad key!': 'v' }),
  m('metadata', '@meta.labels', { app: 'web', tier: '-bad' }),
  m('metadata', '@meta.annotations', { 'container.apparmor.security.beta.kubernetes.io/web': 'runtime/default' }),
  m('metadata', '@meta.annotations', { 'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default' }),
  m('metadata', '@meta.annotations', { 'ok.example.com/key': 'x'.repeat(300_000) }),
  // fields whose verdict differs between 1.34 and 1.37 (new fields, alpha fields removed, gates whose default
  // flipped), so that each version's run checks the module of that version rather than a common subset
  m('versions', 'volumes', [{ name: 'v', emptyDir: { mode: 448 } }]),
  m('versions', 'volumes', [{ name: 'v', emptyDir: { mode: 4096 } }]),
  m('versions', `${c0}.env`, [{ name: 'A', valueFrom: { fileKeyRef: { volumeName: 'v', path: 'a.env', key: 'A' } } }]),
  m('versions', `${c0}.env`, [{ name: 'A', valueFrom: { fileKeyRef: { volumeName: 'v', path: '../a.env', key: 'A' } } }]),
  m('versions', 'tolerations', [{ key: 'k', operator: 'Lt', value: '5', effect: 'NoSchedule' }]),
  m('versions', `${c0}.restartPolicyRules`, [{ action: 'Restart', exitCodes: { operator: 'In', values: [42] } }]),
  m('versions', c0, { name: 'web', image: 'nginx:1.27', restartPolicy: 'Never', restartPolicyRules: [{ action: 'Restart', exitCodes: { operator: 'In', values: [42] } }] }),
  m('versions', 'initContainers', [{ name: 'init', image: 'busybox', restartPolicy: 'Never', restartPolicyRules: [{ action: 'RestartAllContainers', exitCodes: { operator: 'In', values: [42] } }] }]),
  m('versions', 'workloadRef', { name: 'w', podGroup: 'g' }),
  m('versions', 'volumes', [{ name: 'v', projected: { sources: [{ podCertificate: { signerName: 'example.com/s', keyType: 'ED25519', credentialBundlePath: 'c.pem' } }] } }]),
  m('versions', 'volumes', [{ name: 'v', projected: { sources: [{ podCertificate: { signerName: 'bad', keyType: 'RSA1', credentialBundlePath: '/abs' } }] } }]),
  m('versions', 'hostnameOverride', 'Bad_Host'),
];

/** Mutations of the workload specs themselves, for the kinds they belong to. */
export const WORKLOAD_MUTATIONS: Record<string, Mutation[]> = {
  Deployment: [
    m('deployment', '@obj.spec.replicas', -1),
    m('deployment', '@obj.spec.replicas', 0),
    m('deployment', '@obj.spec.strategy', { type: 'Recreate', rollingUpdate: { maxSurge: 1 } }),
    m('deployment', '@obj.spec.strategy', { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } }),
    m('deployment', '@obj.spec.strategy', { type: 'RollingUpdate', rollingUpdate: { maxSurge: '150%' } }),
    m('deployment', '@obj.spec.strategy', { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '110%' } }),
    m('deployment', '@obj.spec.strategy', { type: 'Blue' }),
    m('deployment', '@obj.spec.minReadySeconds', -1),
    m('deployment', '@obj.spec.revisionHistoryLimit', -1),
    m('deployment', '@obj.spec.progressDeadlineSeconds', 0),
    m('deployment', '@obj.spec.selector', { matchLabels: { app: 'other' } }),
    m('deployment', '@obj.spec.selector', {}),
    m('deployment', '@obj.spec.paused', true),
  ],
  StatefulSet: [
    m('statefulset', '@obj.spec.replicas', -1),
    m('statefulset', '@obj.spec.podManagementPolicy', 'Random'),
    m('statefulset', '@obj.spec.updateStrategy', { type: 'OnDelete', rollingUpdate: { partition: 1 } }),
    m('statefulset', '@obj.spec.updateStrategy', { type: 'RollingUpdate', rollingUpdate: { partition: -1 } }),
    m('statefulset', '@obj.spec.updateStrategy', { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0 } }),
    m('statefulset', '@obj.spec.volumeClaimTemplates', [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }]),
    m('statefulset', '@obj.spec.volumeClaimTemplates', [{ metadata: { name: 'data' }, spec: { resources: { requests: { storage: '1Gi' } } } }]),
    m('statefulset', '@obj.spec.persistentVolumeClaimRetentionPolicy', { whenDeleted: 'Keep', whenScaled: 'Forget' }),
    m('statefulset', '@obj.spec.ordinals', { start: -1 }),
    m('statefulset', '@obj.spec.serviceName', 'Bad_Service'),
    m('statefulset', '@obj.spec.minReadySeconds', -5),
  ],
  DaemonSet: [
    m('daemonset', '@obj.spec.updateStrategy', { type: 'OnDelete' }),
    m('daemonset', '@obj.spec.updateStrategy', { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 0 } }),
    m('daemonset', '@obj.spec.updateStrategy', { type: 'Sometimes' }),
    m('daemonset', '@obj.spec.minReadySeconds', -1),
    m('daemonset', '@obj.spec.revisionHistoryLimit', -1),
    m('daemonset', '@obj.spec.selector', { matchLabels: { app: 'other' } }),
  ],
  ReplicaSet: [
    m('replicaset', '@obj.spec.replicas', -1),
    m('replicaset', '@obj.spec.minReadySeconds', -1),
    m('replicaset', '@obj.spec.selector', { matchExpressions: [{ key: 'app', operator: 'In', values: [] }] }),
    m('replicaset', '@obj.spec.selector', { matchLabels: { app: 'other' } }),
  ],
  ReplicationController: [
    m('rc', '@obj.spec.replicas', -1),
    m('rc', '@obj.spec.selector', { app: 'other' }),
    m('rc', '@obj.spec.selector', undefined),
    m('rc', '@obj.spec.minReadySeconds', -1),
  ],
  Job: [
    m('job', '@obj.spec.backoffLimit', -1),
    m('job', '@obj.spec.parallelism', -1),
    m('job', '@obj.spec.completions', -1),
    m('job', '@obj.spec.activeDeadlineSeconds', 0),
    m('job', '@obj.spec.ttlSecondsAfterFinished', -1),
    m('job', '@obj.spec.completionMode', 'Indexed'),
    m('job', '@obj.spec.completionMode', 'Sometimes'),
    m('job', '@obj.spec.backoffLimitPerIndex', 1),
    m('job', '@obj.spec.podFailurePolicy', { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [0] } }] }),
    m('job', '@obj.spec.podFailurePolicy', { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }] }),
    m('job', '@obj.spec.podFailurePolicy', { rules: [{ action: 'Explode', onPodConditions: [{ type: 'DisruptionTarget' }] }] }),
    m('job', '@obj.spec.successPolicy', { rules: [{ succeededCount: 1 }] }),
    m('job', '@obj.spec.podReplacementPolicy', 'Failed'),
    m('job', '@obj.spec.manualSelector', true),
    m('job', '@obj.spec.suspend', true),
  ],
  CronJob: [
    m('cronjob', '@obj.spec.schedule', 'bad'),
    m('cronjob', '@obj.spec.schedule', '61 * * * *'),
    m('cronjob', '@obj.spec.schedule', '@hourly'),
    m('cronjob', '@obj.spec.schedule', 'TZ=UTC 0 * * * *'),
    m('cronjob', '@obj.spec.timeZone', 'Mars/Olympus'),
    m('cronjob', '@obj.spec.timeZone', 'Europe/Berlin'),
    m('cronjob', '@obj.spec.concurrencyPolicy', 'Sometimes'),
    m('cronjob', '@obj.spec.startingDeadlineSeconds', -1),
    m('cronjob', '@obj.spec.successfulJobsHistoryLimit', -1),
    m('cronjob', '@obj.spec.failedJobsHistoryLimit', -1),
    m('cronjob', '@obj.metadata.name', 'a'.repeat(53)),
    m('cronjob', '@obj.metadata.name', 'a'.repeat(52)),
  ],
  PodTemplate: [
    m('podtemplate', '@obj.template.metadata.labels', { 'bad key!': 'x' }),
  ],
  Pod: [
    m('pod-meta', '@obj.metadata.name', 'Bad_Name'),
    m('pod-meta', '@obj.metadata.name', 'a.b'),
    m('pod-meta', '@obj.metadata.generateName', 'gen-'),
  ],
};

const container = (): { [k: string]: Json } => ({ name: 'web', image: 'nginx:1.27', volumeMounts: [] });
const podSpec = (restartPolicy?: string): { [k: string]: Json } => ({
  ...(restartPolicy ? { restartPolicy } : {}),
  containers: [container()],
  volumes: [{ name: 'v', emptyDir: {} }],
});
const labels = { app: 'web' };
const template = (restartPolicy?: string) => ({ metadata: { labels }, spec: podSpec(restartPolicy) });

/** A valid object of each kind; `name` makes every manifest's name unique. */
export function baseObject(kind: string, name: string): { [k: string]: Json } {
  const meta = { name, labels };
  switch (kind) {
    case 'Pod': return { apiVersion: 'v1', kind, metadata: meta, spec: podSpec() };
    case 'PodTemplate': return { apiVersion: 'v1', kind, metadata: meta, template: template() };
    case 'ReplicationController': return { apiVersion: 'v1', kind, metadata: meta, spec: { replicas: 1, selector: labels, template: template() } };
    case 'Deployment': return { apiVersion: 'apps/v1', kind, metadata: meta, spec: { replicas: 1, selector: { matchLabels: labels }, template: template() } };
    case 'ReplicaSet': return { apiVersion: 'apps/v1', kind, metadata: meta, spec: { replicas: 1, selector: { matchLabels: labels }, template: template() } };
    case 'DaemonSet': return { apiVersion: 'apps/v1', kind, metadata: meta, spec: { selector: { matchLabels: labels }, template: template() } };
    case 'StatefulSet': return { apiVersion: 'apps/v1', kind, metadata: meta, spec: { serviceName: 'web', replicas: 1, selector: { matchLabels: labels }, template: template() } };
    case 'Job': return { apiVersion: 'batch/v1', kind, metadata: meta, spec: { template: template('Never') } };
    case 'CronJob': return { apiVersion: 'batch/v1', kind, metadata: meta, spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: template('OnFailure') } } } };
    default: throw new Error(`no base for ${kind}`);
  }
}

export const KINDS = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'PodTemplate'] as const;

function podTemplateOf(obj: { [k: string]: Json }): { meta: { [k: string]: Json }; spec: { [k: string]: Json } } {
  const spec = obj.spec as { [k: string]: Json } | undefined;
  const tpl = obj.kind === 'Pod' ? obj
    : obj.kind === 'PodTemplate' ? obj.template
    : obj.kind === 'CronJob' ? ((spec!.jobTemplate as { [k: string]: Json }).spec as { [k: string]: Json }).template
    : spec!.template;
  const t = tpl as { [k: string]: Json };
  return { meta: t.metadata as { [k: string]: Json }, spec: t.spec as { [k: string]: Json } };
}

function setPath(root: { [k: string]: Json }, path: string, value: Json | undefined): void {
  const keys = path.split('.');
  let node: { [k: string]: Json } | Json[] = root;
  for (const k of keys.slice(0, -1)) {
    const next: Json | undefined = Array.isArray(node) ? node[Number(k)] : node[k];
    if (next === undefined || next === null || typeof next !== 'object') {
      const fresh: { [k: string]: Json } = {};
      if (Array.isArray(node)) node[Number(k)] = fresh; else node[k] = fresh;
      node = fresh;
    } else {
      node = next as { [k: string]: Json } | Json[];
    }
  }
  const last = keys.at(-1)!;
  if (Array.isArray(node)) {
    if (value === undefined) node.splice(Number(last), 1); else node[Number(last)] = value;
  } else if (value === undefined) delete node[last];
  else node[last] = value;
}

export function applyMutation(obj: { [k: string]: Json }, mutation: Mutation): void {
  const copy = structuredClone(mutation.value);
  if (mutation.path.startsWith('@obj.')) return setPath(obj, mutation.path.slice(5), copy);
  const { meta, spec } = podTemplateOf(obj);
  if (mutation.path.startsWith('@meta.')) return setPath(meta, mutation.path.slice(6), copy);
  setPath(spec, mutation.path, copy);
}

/** Every manifest: each pod mutation on each kind, then each kind's own mutations. */
export function generateManifests(): Manifest[] {
  const out: Manifest[] = [];
  const describe = (mu: Mutation) => `${mu.path} = ${mu.value === undefined ? '(deleted)' : JSON.stringify(mu.value).slice(0, 80)}`;
  POD_MUTATIONS.forEach((mu, i) => {
    for (const kind of KINDS) {
      const name = `m${i}-${kind.toLowerCase()}`.slice(0, 52);
      const object = baseObject(kind, name);
      applyMutation(object, mu);
      out.push({ id: `${kind}/${name}`, kind, area: mu.area, mutation: describe(mu), object });
    }
  });
  for (const kind of KINDS) {
    WORKLOAD_MUTATIONS[kind]!.forEach((mu, i) => {
      const name = `w${i}-${kind.toLowerCase()}`;
      const object = baseObject(kind, name);
      applyMutation(object, mu);
      out.push({ id: `${kind}/${name}#${i}`, kind, area: mu.area, mutation: describe(mu), object });
    });
  }
  for (const kind of KINDS) out.push({ id: `${kind}/base`, kind, area: 'base', mutation: '(none)', object: baseObject(kind, `base-${kind.toLowerCase()}`) });
  return out;
}
