// The CLI benchmark's input: many small manifests of realistic size (~100 lines each), one object per
// file, Pods and the workloads that carry pod templates, about one in eight with mistakes. The same
// seed gives the same files byte for byte, so figures and the golden output can be reproduced.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface GeneratedManifest { name: string; text: string }

const IMAGES = ['nginx:1.27.3', 'redis:7.4.1', 'ghcr.io/acme/api:2.3.1', 'busybox:1.36', 'envoyproxy/envoy:v1.31.0', 'postgres:16.4', 'quay.io/prometheus/node-exporter:v1.8.2'];
const KINDS = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicaSet'] as const;
type Kind = (typeof KINDS)[number];

/** Park–Miller: small, seedable, the same on every platform. */
function random(seed: number): (n: number) => number {
  let s = (seed % 2147483646) + 1;
  return (n) => {
    s = (s * 48271) % 2147483647;
    return s % n;
  };
}

export function generateManifests(count: number, seed = 1): GeneratedManifest[] {
  const rnd = random(seed);
  const out: GeneratedManifest[] = [];
  for (let i = 0; i < count; i++) {
    const kind = KINDS[rnd(KINDS.length)]!;
    const broken = rnd(8) === 0;
    out.push({ name: `${String(i).padStart(5, '0')}-${kind.toLowerCase()}.yaml`, text: manifest(i, kind, broken, rnd) });
  }
  return out;
}

/** Writes the manifests into `dir` (created); returns their paths in order. */
export function writeManifests(dir: string, count: number, seed = 1): string[] {
  mkdirSync(dir, { recursive: true });
  return generateManifests(count, seed).map((m) => {
    const p = join(dir, m.name);
    writeFileSync(p, m.text);
    return p;
  });
}

function manifest(i: number, kind: Kind, broken: boolean, rnd: (n: number) => number): string {
  const name = `svc-${i}`;
  const app = `app-${i % 23}`;
  const podSpec = spec(i, broken, rnd, kind === 'Job' || kind === 'CronJob');
  const meta = [
    'metadata:',
    `  name: ${broken && rnd(3) === 0 ? `Svc_${i}` : name}`,
    `  namespace: team-${i % 7}`,
    '  labels:',
    `    app.kubernetes.io/name: ${app}`,
    `    app.kubernetes.io/instance: ${name}`,
    '    app.kubernetes.io/part-of: shop',
    '  annotations:',
    `    owner: team-${i % 7}@example.com`,
  ];
  if (kind === 'Pod') return ['apiVersion: v1', 'kind: Pod', ...meta, 'spec:', ...indent(podSpec, 2), ''].join('\n');
  const template = [
    'template:',
    '  metadata:',
    '    labels:',
    `      app.kubernetes.io/name: ${app}`,
    `      app.kubernetes.io/instance: ${name}`,
    '  spec:',
    ...indent(podSpec, 4),
  ];
  const selector = ['selector:', '  matchLabels:', `    app.kubernetes.io/name: ${app}`, `    app.kubernetes.io/instance: ${name}`];
  const api = kind === 'Job' || kind === 'CronJob' ? 'batch/v1' : broken && rnd(4) === 0 ? 'apps/v1beta1' : 'apps/v1';
  let body: string[];
  switch (kind) {
    case 'Deployment':
    case 'ReplicaSet':
      body = [`replicas: ${1 + (i % 4)}`, ...selector, ...template];
      break;
    case 'StatefulSet':
      body = [`serviceName: ${name}`, `replicas: ${1 + (i % 3)}`, ...selector, ...template];
      break;
    case 'DaemonSet':
      body = [...selector, 'updateStrategy:', '  type: RollingUpdate', ...template];
      break;
    case 'Job':
      body = ['backoffLimit: 3', 'completions: 1', ...template];
      break;
    case 'CronJob':
      body = [`schedule: "${i % 60} * * * *"`, 'concurrencyPolicy: Forbid', 'jobTemplate:', '  spec:', '    backoffLimit: 2', ...indent(template, 4)];
      break;
  }
  return [`apiVersion: ${api}`, `kind: ${kind}`, ...meta, 'spec:', ...indent(body, 2), ''].join('\n');
}

function spec(i: number, broken: boolean, rnd: (n: number) => number, batch: boolean): string[] {
  const mistake = broken ? rnd(6) : -1;
  const image = IMAGES[i % IMAGES.length]!;
  const lines = [
    `restartPolicy: ${batch ? 'OnFailure' : mistake === 0 ? 'Sometimes' : 'Always'}`,
    'terminationGracePeriodSeconds: 30',
    `serviceAccountName: sa-${i % 5}`,
    'securityContext:',
    '  runAsNonRoot: true',
    '  runAsUser: 10001',
    '  fsGroup: 10001',
    'initContainers:',
    '- name: migrate',
    `  image: ${image}`,
    '  command: ["/bin/sh", "-c", "echo migrate"]',
    '  resources:',
    '    requests: {cpu: 10m, memory: 32Mi}',
    'containers:',
    '- name: app',
    mistake === 1 ? '  imagePolicy: Always' : `  image: ${image}`,
    '  imagePullPolicy: IfNotPresent',
    '  args:',
    '  - --port=8080',
    `  - --log-level=${['info', 'debug', 'warn'][i % 3]}`,
    '  ports:',
    `  - name: ${mistake === 2 ? 'Http_Port' : 'http'}`,
    '    containerPort: 8080',
    '    protocol: TCP',
    `  - name: metrics`,
    `    containerPort: ${mistake === 3 ? 8080 : 9090}`,
    '  env:',
    '  - name: LOG_FORMAT',
    '    value: json',
    '  - name: POD_NAME',
    '    valueFrom:',
    '      fieldRef:',
    '        fieldPath: metadata.name',
    '  - name: DB_PASSWORD',
    '    valueFrom:',
    '      secretKeyRef:',
    `        name: db-${i % 9}`,
    '        key: password',
    '  readinessProbe:',
    '    httpGet:',
    '      path: /ready',
    '      port: http',
    '    periodSeconds: 10',
    '  livenessProbe:',
    '    httpGet:',
    '      path: /healthz',
    `      port: ${mistake === 4 ? 'health' : 'http'}`,
    '    initialDelaySeconds: 5',
    '  resources:',
    '    requests:',
    `      cpu: ${50 + (i % 5) * 50}m`,
    `      memory: ${mistake === 5 ? '128.5' : '128Mi'}`,
    '    limits:',
    '      memory: 256Mi',
    '  volumeMounts:',
    '  - name: config',
    '    mountPath: /etc/app',
    '    readOnly: true',
    '  - name: cache',
    '    mountPath: /var/cache/app',
    '- name: proxy',
    `  image: ${IMAGES[4]}`,
    '  ports:',
    `  - {name: admin, containerPort: ${9900 + (i % 50)}}`,
    '  livenessProbe: {tcpSocket: {port: admin}}',
    '  resources: {requests: {cpu: 20m, memory: 64Mi}, limits: {memory: 128Mi}}',
    'volumes:',
    '- name: config',
    '  configMap:',
    `    name: cfg-${i % 11}`,
    '- name: cache',
    '  emptyDir:',
    '    sizeLimit: 1Gi',
    'tolerations:',
    '- key: dedicated',
    '  operator: Equal',
    '  value: shop',
    '  effect: NoSchedule',
  ];
  if (broken && rnd(2) === 0) lines.push('nodeSelector:', '  beta.kubernetes.io/os: linux');
  return lines;
}

function indent(lines: string[], n: number): string[] {
  const pad = ' '.repeat(n);
  return lines.map((l) => pad + l);
}
