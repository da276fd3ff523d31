import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ApiResponse } from '../../../../client/src/kube/cluster/apiRequest';
import { dryRunManifest, dryRunSummary, type DryRunTransport } from '../../../../client/src/kube/dryRun/dryRunValidate';

interface Sent { method: string; path: string; body: string; contentType: string }

function transport(answers: ApiResponse[], kinds: Record<string, { name: string; namespaced: boolean }> = { Pod: { name: 'pods', namespaced: true } }) {
  const sent: Sent[] = [];
  const t: DryRunTransport = {
    resourceFor: async (_v, kind) => kinds[kind],
    send: async (method, path, body, contentType) => {
      sent.push({ method, path, body, contentType });
      const a = answers.shift();
      if (!a) throw new Error('unexpected request');
      return a;
    },
  };
  return { t, sent };
}

const ok = (warnings: string[] = []): ApiResponse => ({ status: 201, body: '{"kind":"Pod"}', warnings });
const status = (code: number, s: object): ApiResponse => ({ status: code, body: JSON.stringify({ kind: 'Status', code, ...s }), warnings: [] });

const pod = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: web',
  'spec:',
  '  containers:',
  '  - name: App',
  '    image: nginx',
  '',
].join('\n');
const at = (src: string, f: { start: number; end: number }) => src.slice(f.start, f.end);

test('sends the document YAML as a strict dry-run create into the default namespace', async () => {
  const { t, sent } = transport([ok()]);
  const [r] = await dryRunManifest(pod, t, 'demo');
  assert.deepEqual(r, { label: 'Pod/web', outcome: 'accepted', operation: 'create', findings: [] });
  assert.equal(sent[0].method, 'POST');
  assert.equal(sent[0].path, '/api/v1/namespaces/demo/pods?dryRun=All&fieldValidation=Strict&fieldManager=podscope');
  assert.equal(sent[0].body, pod);
  assert.equal(sent[0].contentType, 'application/yaml');
});

test('field causes become findings at their source ranges, worded as the server words them', async () => {
  const { t } = transport([status(422, {
    reason: 'Invalid',
    message: 'Pod "web" is invalid: spec.containers[0].name: Invalid value: "App": ...',
    details: { causes: [{ reason: 'FieldValueInvalid', field: 'spec.containers[0].name', message: 'Invalid value: "App": a lowercase RFC 1123 label must consist of lower case alphanumeric characters' }] },
  })]);
  const [r] = await dryRunManifest(pod, t, 'demo');
  assert.equal(r.outcome, 'rejected');
  assert.equal(r.findings.length, 1);
  const f = r.findings[0];
  assert.equal(at(pod, f), 'App');
  assert.equal(f.message, 'spec.containers[0].name: Invalid value: "App": a lowercase RFC 1123 label must consist of lower case alphanumeric characters');
  assert.equal(f.code, 'FieldValueInvalid');
  assert.equal(f.severity, 'error');
});

test('an existing object is validated with a dry-run server-side apply', async () => {
  const { t, sent } = transport([status(409, { reason: 'AlreadyExists', message: 'pods "web" already exists' }), ok()]);
  const [r] = await dryRunManifest(pod, t, 'demo');
  assert.equal(r.outcome, 'accepted');
  assert.equal(r.operation, 'apply');
  assert.equal(sent[1].method, 'PATCH');
  assert.equal(sent[1].path, '/api/v1/namespaces/demo/pods/web?dryRun=All&fieldValidation=Strict&fieldManager=podscope&force=true');
  assert.equal(sent[1].contentType, 'application/apply-patch+yaml');
});

test('strict decoding errors point at the unknown field key', async () => {
  const src = pod.replace('    image: nginx', '    imagee: nginx');
  const { t } = transport([status(400, { reason: 'BadRequest', message: 'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"' })]);
  const [r] = await dryRunManifest(src, t, 'demo');
  assert.equal(r.findings.length, 1);
  assert.equal(at(src, r.findings[0]), 'imagee');
  assert.equal(r.findings[0].message, 'unknown field "spec.containers[0].imagee"');
});

test('the server line numbers count from the document start in a multi-document file', async () => {
  const src = `${pod}---\n${pod}`;
  const { t, sent } = transport([ok(), status(400, { reason: 'BadRequest', message: 'error converting YAML to JSON: yaml: line 5: key "name" already set in map' })]);
  const results = await dryRunManifest(src, t, 'demo');
  assert.equal(results.length, 2);
  assert.ok(sent[1].body.startsWith('---\napiVersion: v1'));
  const f = results[1].findings[0];
  assert.equal(at(src, f), '  name: web', 'line 5 of the second document (its `---` is line 1)');
  assert.equal(f.message, 'key "name" already set in map');
});

test('warnings are reported on the field they name, even when the object is accepted', async () => {
  const { t } = transport([ok(['spec.containers[0].image: a warning about the image', 'a general warning'])]);
  const [r] = await dryRunManifest(pod, t, 'demo');
  assert.equal(r.outcome, 'accepted');
  assert.deepEqual(r.findings.map((f) => [f.severity, at(pod, f)]), [['warning', 'nginx'], ['warning', 'Pod']]);
});

test('forbidden, unknown kinds, a missing namespace and objects without a kind', async () => {
  const forbidden = transport([status(403, { reason: 'Forbidden', message: 'pods is forbidden: User "dev" cannot create resource "pods" in API group "" in the namespace "demo"' })]);
  const [f] = await dryRunManifest(pod, forbidden.t, 'demo');
  assert.equal(f.findings[0].message, 'pods is forbidden: User "dev" cannot create resource "pods" in API group "" in the namespace "demo"');
  assert.equal(at(pod, f.findings[0]), 'Pod');

  const unknown = transport([]);
  const [u] = await dryRunManifest(pod.replace('kind: Pod', 'kind: Pd'), unknown.t, 'demo');
  assert.equal(u.findings[0].message, 'no matches for kind "Pd" in version "v1"');
  assert.equal(unknown.sent.length, 0);

  const withNs = pod.replace('  name: web', '  name: web\n  namespace: nope');
  const missing = transport([status(404, { reason: 'NotFound', message: 'namespaces "nope" not found', details: { name: 'nope', kind: 'namespaces' } })]);
  const [m] = await dryRunManifest(withNs, missing.t, 'demo');
  assert.equal(missing.sent[0].path.split('?')[0], '/api/v1/namespaces/nope/pods');
  assert.equal(at(withNs, m.findings[0]), 'nope');

  const none = transport([]);
  const [n] = await dryRunManifest('just: text\n', none.t, 'demo');
  assert.equal(n.outcome, 'skipped');
  assert.equal(none.sent.length, 0);
});

test('the summary names what was accepted and rejected', () => {
  assert.deepEqual(dryRunSummary([]), { text: 'the document holds no Kubernetes object', ok: false });
  assert.deepEqual(
    dryRunSummary([{ label: 'Pod/a', outcome: 'accepted', findings: [] }, { label: 'Pod/b', outcome: 'rejected', findings: [] }]),
    { text: 'server-side dry run: the API server accepted Pod/a; rejected Pod/b', ok: false },
  );
  assert.equal(dryRunSummary([{ label: 'Pod/a', outcome: 'accepted', findings: [] }]).ok, true);
});
