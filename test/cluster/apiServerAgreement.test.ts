// The API rules against the real thing: each manifest goes to kube-apiserver 1.36.1 as
// `kubectl create --dry-run=server`, and the server's field errors must equal Podscope's API
// findings (path and message), apart from the documented deviations listed per case.
// It needs the local cluster, so it runs in the cluster phase (PODSCOPE_TEST_KUBECONFIG set) or on
// request (PODSCOPE_API_AGREEMENT=1), and skips in the unit phase rather than start a cluster there.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { phaseCluster } from './phaseCluster';
import { defaultRegistry, validateText } from '../../server/src/engine';
import { y } from '../engine/helpers';
import { podNamed } from '../support/manifests';

const registry = defaultRegistry();
const apiCodes = new Set(registry.all().filter((r) => r.category === 'api').map((r) => r.code));

interface Case {
  name: string;
  yaml: string;
  /** Server errors we deliberately do not repeat, with the reason in a comment. */
  serverOnly?: string[];
  /** Applied to both sides before comparing, for values only the server can know. */
  normalize?: (error: string) => string;
}

const CASES: Case[] = [
  {
    name: 'container names, duplicates across groups',
    yaml: podNamed('names')`
      containers: [{name: Web_App, image: nginx}, {name: web, image: nginx}]
      initContainers: [{name: web, image: busybox}, {name: "", image: busybox}]
    `,
  },
  {
    name: 'enums in the server order',
    yaml: podNamed('enums')`
      restartPolicy: always
      dnsPolicy: clusterfirst
      os: {name: Linux}
      containers:
      - name: a
        image: nginx
        imagePullPolicy: ifnotpresent
        terminationMessagePolicy: file
        ports: [{containerPort: 80, protocol: tcp}]
        volumeMounts: [{name: v, mountPath: /v, mountPropagation: none, recursiveReadOnly: enabled}]
      volumes: [{name: v, emptyDir: {}}]
    `,
  },
  {
    name: 'ports and host ports',
    yaml: podNamed('ports')`
      initContainers:
      - {name: i, image: busybox, ports: [{containerPort: 1, hostPort: 9000}, {containerPort: 2, hostPort: 9000}]}
      containers:
      - name: a
        image: nginx
        ports:
        - {containerPort: 0}
        - {containerPort: 70000, hostPort: -1}
        - {containerPort: 81, name: HTTP, hostPort: 8080}
        - {containerPort: 83, name: http}
        - {containerPort: 84, name: http}
      - {name: b, image: nginx, ports: [{containerPort: 81, hostPort: 8080}, {containerPort: 82, hostPort: 8080, protocol: UDP}]}
    `,
  },
  {
    name: 'container restart policies and rules',
    yaml: podNamed('restarts')`
      initContainers:
      - {name: i, image: busybox, restartPolicy: Never}
      - {name: j, image: busybox, restartPolicy: sometimes}
      - {name: k, image: busybox, restartPolicyRules: [{action: Restart, exitCodes: {operator: In, values: [1]}}]}
      - {name: s, image: busybox, restartPolicy: Always, restartPolicyRules: [{action: RestartAllContainers, exitCodes: {operator: In, values: [88]}}]}
      containers:
      - name: a
        image: nginx
        restartPolicy: OnFailure
        restartPolicyRules:
        - {action: Bogus, exitCodes: {operator: Maybe, values: [1]}}
        - {action: Restart}
    `,
  },
  {
    name: 'probes, handlers and init-container restrictions',
    yaml: podNamed('probes')`
      initContainers:
      - {name: i, image: busybox, livenessProbe: {exec: {command: [ls]}}, lifecycle: {postStart: {exec: {command: [ls]}}}}
      - {name: side, image: busybox, restartPolicy: Always, readinessProbe: {}}
      containers:
      - name: a
        image: nginx
        livenessProbe: {httpGet: {port: 80}, tcpSocket: {port: 80}, successThreshold: 3, periodSeconds: -1, terminationGracePeriodSeconds: 0}
        readinessProbe: {httpGet: {port: "8080", httpHeaders: [{name: Bad Header, value: x}]}, terminationGracePeriodSeconds: 5}
        startupProbe: {exec: {command: []}}
        lifecycle: {preStop: {sleep: {seconds: 100}}, postStart: {}}
      - name: b
        image: nginx
        livenessProbe: {grpc: {port: 0}}
        readinessProbe: {tcpSocket: {port: http-port-name-too-long}}
        lifecycle: {postStart: {httpGet: {port: 70000, scheme: http}}}
    `,
  },
  {
    name: 'volumes and volume mounts',
    yaml: podNamed('volumes')`
      containers:
      - name: a
        image: nginx
        volumeMounts:
        - {name: data, mountPath: /d}
        - {name: missing, mountPath: /d}
        - {name: data, mountPath: /e, subPath: /abs}
        - {name: data, mountPath: /f, subPath: a/../b}
        - {name: data, mountPath: /g, subPath: sp, subPathExpr: spe}
        - {name: data, mountPath: /h, mountPropagation: Bidirectional}
        - {name: data, mountPath: /i, recursiveReadOnly: Enabled}
      volumes:
      - {name: data, emptyDir: {}}
      - {name: data, emptyDir: {}}
      - {name: Bad_Name, emptyDir: {}}
      - {name: two, configMap: {name: x}, emptyDir: {}}
      - {name: none}
    `,
  },
  {
    name: 'environment variables',
    yaml: podNamed('env')`
      containers:
      - name: a
        image: nginx
        env:
        - {name: "", value: x}
        - {name: A=B}
        - {name: OK, value: v, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
        - {name: B, valueFrom: {}}
        - {name: C, valueFrom: {fieldRef: {fieldPath: metadata.name}, secretKeyRef: {name: s, key: k}}}
        - {name: D, valueFrom: {configMapKeyRef: {name: Bad_Name, key: bad key}}}
        - {name: E, valueFrom: {fieldRef: {fieldPath: spec.restartPolicy}}}
        - {name: F, valueFrom: {fieldRef: {fieldPath: metadata.foo}}}
        - {name: G, valueFrom: {secretKeyRef: {key: k}}}
        envFrom:
        - {prefix: "X=", configMapRef: {name: cm}}
        - {}
        - {configMapRef: {name: cm}, secretRef: {name: s}}
    `,
  },
  {
    name: 'resources',
    yaml: podNamed('resources')`
      containers:
      - name: a
        image: nginx
        resources:
          limits: {cpu: 500m, memory: 1Gi, example.com/gpu: 1, hugepages-2Mi: 3Mi}
          requests: {cpu: "1", memory: 2Gi, example.com/gpu: 500m, cpus: 1, ephemeral-storage: -1}
      - name: b
        image: nginx
        resources:
          requests: {example.com/foo: 2, cpu: 0.0001, memory: 1.5Gi}
          limits: {cpu: 0.00005, memory: 1536Mi}
    `,
    // SetDefaults_Pod copies the limit into the missing request, so the server reports the same
    // bad value twice; we report it once, on the limit that the YAML actually contains.
    serverOnly: ['spec.containers[0].resources.requests[hugepages-2Mi]: Invalid value: "3Mi": 3Mi is not positive integer multiple of hugepages-2Mi'],
  },
  {
    name: 'ephemeral containers and pod fields',
    yaml: podNamed('ephemeral')`
      activeDeadlineSeconds: 0
      hostname: My.Host
      nodeName: Bad_Node
      schedulingGates: [{name: g}]
      terminationGracePeriodSeconds: -5
      containers: [{name: a, image: " nginx "}]
      ephemeralContainers:
      - {name: e, image: busybox, targetContainerName: nope, ports: [{containerPort: 80}], resources: {limits: {cpu: 1}}, volumeMounts: [{name: v, mountPath: /v, subPath: x}]}
      volumes: [{name: v, emptyDir: {}}]
    `,
  },
  {
    name: 'Deployment metadata, selector and template rules',
    yaml: y`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: Web.App
        labels: {app/x/y: ok, good: "bad value!"}
        annotations: {Example.COM/Key: ok, "bad key!": x}
      spec:
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: other}}
          spec:
            restartPolicy: Never
            activeDeadlineSeconds: 10
            serviceAccountName: Bad_SA
            preemptionPolicy: Sometimes
            nodeSelector: {kubernetes.io/os: "linux!"}
            containers: [{name: a, image: nginx, ports: [{containerPort: 80, name: Web}], readinessProbe: {httpGet: {port: Web}}}]
    `,
  },
  {
    name: 'Job with a selector of its own',
    yaml: y`
      apiVersion: batch/v1
      kind: Job
      metadata: {name: job}
      spec:
        selector: {matchLabels: {app: j}}
        template:
          metadata: {labels: {app: j}}
          spec: {containers: [{name: a, image: busybox}]}
    `,
    // The server prints the selector after adding the generated controller-uid, which we cannot know.
    normalize: (e) => e.replace(/^spec\.selector: Invalid value: \{.*\}: /, 'spec.selector: Invalid value: <selector>: '),
  },
  {
    name: 'CronJob name length, job template selector and restart policy',
    yaml: y`
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: this-cronjob-name-is-definitely-longer-than-fifty-two-chars}
      spec:
        schedule: "* * * * *"
        jobTemplate:
          spec:
            selector: {matchLabels: {a: b}}
            template:
              spec:
                restartPolicy: Always
                containers: [{name: a, image: busybox}]
    `,
  },
  {
    name: 'StatefulSet name and empty selector',
    yaml: y`
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: web.sts}
      spec:
        serviceName: web
        selector: {}
        template:
          metadata: {labels: {app: web}}
          spec: {containers: [{name: a, image: nginx, volumeMounts: [{name: www, mountPath: /w}]}]}
        volumeClaimTemplates:
        - metadata: {name: www}
          spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
    `,
  },
  {
    name: 'ReplicationController selector and restart policy',
    yaml: y`
      apiVersion: v1
      kind: ReplicationController
      metadata: {name: rc}
      spec:
        replicas: 1
        selector: {app: other}
        template:
          metadata: {labels: {app: rc}}
          spec: {restartPolicy: OnFailure, containers: [{name: a, image: nginx}]}
    `,
  },
  {
    name: 'PodTemplate with ephemeral containers and host port duplicates',
    yaml: y`
      apiVersion: v1
      kind: PodTemplate
      metadata: {name: pt}
      template:
        metadata: {labels: {a: b}}
        spec:
          containers: [{name: a, image: nginx, ports: [{containerPort: 80, hostPort: 80}, {containerPort: 81, hostPort: 80}]}]
          ephemeralContainers: [{name: e, image: busybox}]
    `,
  },
  {
    name: 'hostNetwork Pod',
    yaml: podNamed('hostnet')`
      hostNetwork: true
      containers:
      - {name: a, image: nginx, ports: [{containerPort: 80, hostPort: 81}, {containerPort: 90}]}
      - {name: b, image: nginx, ports: [{containerPort: 90}]}
    `,
  },
  {
    name: 'a valid Pod with a sidecar, restart rules, probes and resources',
    yaml: y`
      apiVersion: v1
      kind: Pod
      metadata: {name: valid, labels: {app: valid}, annotations: {example.com/note: ok}}
      spec:
        restartPolicy: Never
        initContainers:
        - {name: side, image: busybox, restartPolicy: Always, readinessProbe: {exec: {command: [ls]}}, ports: [{containerPort: 1, hostPort: 7000}]}
        containers:
        - name: app
          image: nginx:1.27
          ports: [{containerPort: 80, name: http, hostPort: 7000}]
          env: [{name: "1 relaxed.name", value: x}, {name: POD, valueFrom: {fieldRef: {fieldPath: metadata.name}}}]
          restartPolicy: Never
          restartPolicyRules: [{action: Restart, exitCodes: {operator: In, values: [42]}}]
          livenessProbe: {httpGet: {port: http, path: /healthz}}
          lifecycle: {preStop: {sleep: {seconds: 5}}}
          resources: {limits: {cpu: 500m, memory: 1Gi}, requests: {cpu: 0.25, memory: 512Mi}}
          volumeMounts: [{name: cache, mountPath: /cache, subPath: app}]
        volumes: [{name: cache}]
    `,
  },
];

const phase = phaseCluster('PODSCOPE_API_AGREEMENT');

/** Field errors from kubectl's report: `* path: message` lines, or the one-error form. */
function serverErrors(output: string): string[] {
  const lines = output.split('\n').map((l) => l.trim()).filter(Boolean);
  const bullets = lines.filter((l) => l.startsWith('* ')).map((l) => l.slice(2));
  if (bullets.length) return bullets;
  const single = /is invalid: (.+)$/.exec(lines.join(' '));
  return single?.[1] ? [single[1]] : [];
}

for (const c of CASES) {
  test(`agrees with kube-apiserver 1.36.1: ${c.name}`, async (t) => {
    const cluster = phase.cluster;
    if (!cluster) {
      t.skip(phase.unavailable);
      return;
    }
    const r = await cluster.kubectl.run(['create', '--dry-run=server', '-n', 'default', '-o', 'name', '-f', '-'], c.yaml);
    const allowed = c.serverOnly ?? [];
    const normalize = c.normalize ?? ((e: string) => e);
    const server = serverErrors(`${r.stdout}\n${r.stderr}`).filter((e) => !allowed.some((a) => e.startsWith(a))).map(normalize).sort();
    const ours = validateText(c.yaml, registry).filter((f) => apiCodes.has(f.code)).map((f) => normalize(`${f.path}: ${f.message}`)).sort();
    assert.deepEqual(ours, server, `kubectl said:\n${r.stdout}${r.stderr}`);
    if (ours.length === 0) assert.equal(r.code, 0, `the server rejected what we accept:\n${r.stderr}`);
  });
}
