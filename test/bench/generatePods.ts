// Builds the benchmark's manifest: realistic multi-container pods (~30 lines each) in one
// multi-document file, with a few deliberate mistakes so the validator has findings to report.
export interface GeneratedFile {
  text: string;
  pods: number;
  lines: number;
}

const IMAGES = ['nginx:1.27', 'redis:7.4', 'ghcr.io/acme/api:2.3.1', 'busybox:1.36', 'envoyproxy/envoy:v1.31.0'];

export function generatePods(count = 200): GeneratedFile {
  const docs: string[] = [];
  for (let i = 0; i < count; i++) docs.push(pod(i));
  const text = docs.join('---\n');
  return { text, pods: count, lines: text.split('\n').length - 1 };
}

function pod(i: number): string {
  // Every 10th pod carries mistakes: a duplicate key, a bad port name, a duplicate port, an unknown
  // field, a bad enum value and a container without an image.
  const broken = i % 10 === 7;
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: web-${i}`,
    broken ? `  name: web-${i}-again` : `  labels: {app: web-${i % 17}, tier: frontend}`,
    'spec:',
    `  restartPolicy: ${broken ? 'Sometimes' : 'Always'}`,
    '  containers:',
    '  - name: app',
    `    image: ${IMAGES[i % IMAGES.length]}`,
    '    ports:',
    `    - name: ${broken ? 'Http_Port' : 'http'}`,
    '      containerPort: 8080',
    `    - {name: grpc, containerPort: ${broken ? 8080 : 8081}}`,
    '    env:',
    '    - {name: LOG_LEVEL, value: info}',
    '    readinessProbe:',
    '      httpGet: {path: /ready, port: http}',
    `    resources: {requests: {cpu: ${50 + (i % 5) * 50}m, memory: 128Mi}}`,
    '    volumeMounts:',
    '    - {name: cache, mountPath: /var/cache/app}',
    '  - name: proxy',
    broken ? '    imagePolicy: Always' : `    image: ${IMAGES[4]}`,
    '    ports:',
    `    - {name: admin, containerPort: ${9900 + (i % 50)}}`,
    '    livenessProbe: {tcpSocket: {port: admin}}',
    '  volumes:',
    '  - {name: cache, emptyDir: {sizeLimit: 1Gi}}',
    '',
  ].join('\n');
}
