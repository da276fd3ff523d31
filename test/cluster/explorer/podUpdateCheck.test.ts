// The pod-update check against the real API server: an edited manifest of a live pod is dry-run as the apply it
// would be; every change the API server forbids on a live pod is marked at its own range with the server's message,
// none of the allowed ones (image, activeDeadlineSeconds, an added toleration, labels) is; "Replace the pod" deletes
// and creates it from the manifest.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Cluster } from '../cluster';
import { manifestTargets } from '../../../client/src/kube/apply/manifestTargets';
import { clusterObjectTransport, type ObjectTransport } from '../../../client/src/kube/apply/objectTransport';
import { POD_UPDATE_FORBIDDEN } from '../../../client/src/kube/apply/podUpdate';
import { replacePod } from '../../../client/src/kube/apply/replacePod';
import { applyPreviews, previewApply } from '../../../client/src/kube/apply/serverSideApply';
import { createPodNamespace, useCluster } from './clusterFixture';

const fixture = useCluster('pod-update check tests');
const namespace = `podscope-update-${randomBytes(3).toString('hex')}`;
let made: Cluster | undefined;

after(async () => {
  await made?.kubectl.run(['delete', 'namespace', namespace, '--wait=false']);
});

async function ready(c: Cluster): Promise<ObjectTransport> {
  if (!made) {
    made = c;
    await createPodNamespace(c, namespace);
  }
  return clusterObjectTransport(fixture.api(c.kubeconfig));
}

async function targets(text: string, transport: ObjectTransport) {
  const t = await manifestTargets(text, transport, namespace, { verb: 'apply' });
  if (t.kind !== 'ok') throw new Error(t.problem);
  return t.targets;
}

const base = `apiVersion: v1
kind: Pod
metadata:
  name: immutable
  labels:
    app: web
spec:
  terminationGracePeriodSeconds: 30
  restartPolicy: Always
  dnsPolicy: ClusterFirst
  tolerations:
  - key: dedicated
    operator: Exists
  containers:
  - name: app
    image: nginx:1.27
    imagePullPolicy: IfNotPresent
    command: ["sleep", "1"]
    env:
    - name: MODE
      value: fast
    ports:
    - containerPort: 80
    securityContext:
      runAsUser: 1000
    resources:
      limits:
        memory: 64Mi
`;

/** Each forbidden edit: the field, the base's text, the edit's text, and what the finding must mark. */
const forbidden: [string, string, string, string][] = [
  ['spec.terminationGracePeriodSeconds', 'terminationGracePeriodSeconds: 30', 'terminationGracePeriodSeconds: 10', '10'],
  ['spec.restartPolicy', 'restartPolicy: Always', 'restartPolicy: Never', 'Never'],
  ['spec.dnsPolicy', 'dnsPolicy: ClusterFirst', 'dnsPolicy: Default', 'Default'],
  ['spec.containers[0].imagePullPolicy', 'imagePullPolicy: IfNotPresent', 'imagePullPolicy: Always', 'Always'],
  ['spec.containers[0].command[1]', 'command: ["sleep", "1"]', 'command: ["sleep", "2"]', '"2"'],
  ['spec.containers[0].env[0].value', 'value: fast', 'value: slow', 'slow'],
  ['spec.containers[0].ports[0].containerPort', 'containerPort: 80', 'containerPort: 81', '81'],
  ['spec.containers[0].securityContext.runAsUser', 'runAsUser: 1000', 'runAsUser: 1001', '1001'],
  ['spec.containers[0].resources.limits.memory', 'memory: 64Mi', 'memory: 128Mi', '128Mi'],
  ['spec.containers[0].workingDir', '    command: [', '    workingDir: /srv\n    command: [', '/srv'],
  ['spec.hostname', '  tolerations:\n', '  hostname: box\n  tolerations:\n', 'box'],
  ['spec.nodeSelector[kubernetes.io/os]', '  tolerations:\n', '  nodeSelector:\n    kubernetes.io/os: linux\n  tolerations:\n', 'linux'],
];
const allowed: [string, string][] = [
  ['image: nginx:1.27', 'image: nginx:1.28'],
  ['  terminationGracePeriodSeconds: 30\n', '  terminationGracePeriodSeconds: 30\n  activeDeadlineSeconds: 600\n'],
  ['    operator: Exists\n', '    operator: Exists\n  - key: spot\n    operator: Exists\n'],
  ['    app: web\n', '    app: web\n    tier: front\n'],
];

const edit = (text: string, edits: readonly (readonly [string, string])[]) => edits.reduce((t, [from, to]) => {
  assert.ok(t.includes(from), from);
  return t.replace(from, to);
}, text);

test('every forbidden change of a live pod is marked at its range with the API server\'s message; allowed changes are not', { timeout: 90_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const transport = await ready(c);
  const created = await applyPreviews(await previewApply(await targets(base, transport), transport), transport);
  assert.deepEqual(created.map((o) => o.action), ['created']);

  const onlyAllowed = edit(base, allowed);
  const [fine] = await previewApply(await targets(onlyAllowed, transport), transport);
  assert.equal(fine.rejected, undefined, 'the allowed changes pass the dry run');
  assert.deepEqual(fine.changes, ['metadata.labels.tier', 'spec.activeDeadlineSeconds', 'spec.containers[0].image', 'spec.tolerations']);

  const text = edit(onlyAllowed, forbidden.map(([, from, to]) => [from, to] as const));
  const [refused] = await previewApply(await targets(text, transport), transport);
  assert.equal(refused.needsReplace, true);
  const findings = refused.rejected?.findings ?? [];
  assert.ok(findings.every((f) => f.code === POD_UPDATE_FORBIDDEN));
  assert.ok(findings.every((f) => f.message.includes(': Forbidden: pod updates may not change fields other than `spec.containers[*].image`')), findings[0]?.message);
  const marked = findings.map((f) => [f.message.split(':')[0], text.slice(f.start, f.end)]);
  // Exactly the forbidden edits, each at the value it sets: none of the allowed ones is among them.
  assert.deepEqual(marked.sort(), forbidden.map(([path, , , value]) => [path, value]).sort());
  assert.equal(await c.kubectl.ok(['get', 'pod/immutable', '-n', namespace, '-o', 'jsonpath={.spec.restartPolicy} {.spec.containers[0].image}']), 'Always nginx:1.27', 'nothing applied');
});

test('Replace the pod deletes the live pod and creates it from the manifest', { timeout: 120_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const transport = await ready(c);
  const uid = () => c.kubectl.ok(['get', 'pod/immutable', '-n', namespace, '-o', 'jsonpath={.metadata.uid}']);
  const before = await uid().catch(async () => {
    await applyPreviews(await previewApply(await targets(base, transport), transport), transport);
    return uid();
  });
  const text = edit(base, [['restartPolicy: Always', 'restartPolicy: Never'], ['containerPort: 80', 'containerPort: 81']]);
  const [target] = await targets(text, transport);
  await replacePod(target, transport);
  assert.notEqual(await uid(), before, 'a new pod');
  assert.equal(await c.kubectl.ok(['get', 'pod/immutable', '-n', namespace, '-o', 'jsonpath={.spec.restartPolicy} {.spec.containers[0].ports[0].containerPort}']), 'Never 81');
});
