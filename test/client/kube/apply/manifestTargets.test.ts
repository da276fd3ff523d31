// Which objects Apply, Create and Delete act on, and what stops them before anything is sent: syntax errors and
// non-Kubernetes documents send nothing at all (not even discovery); the cursor picks one document; apply and delete
// need a name, create may let the server generate one; a kind the server does not serve is refused with a finding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { manifestTargets, objectHeads } from '../../../../client/src/kube/apply/manifestTargets';
import type { DryRunTransport } from '../../../../client/src/kube/dryRun/dryRunValidate';

function recording(): { t: DryRunTransport; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    t: {
      resourceFor: async (apiVersion, kind) => { calls.push(`${apiVersion} ${kind}`); return kind === 'Pod' || kind === 'ConfigMap' ? { name: `${kind.toLowerCase()}s`, namespaced: true } : undefined; },
      send: async () => { throw new Error('manifestTargets sends no object'); },
    },
  };
}

const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: app\n    image: nginx\n`;

test('a syntax error or a non-Kubernetes document stops the command before any request', async () => {
  const r = recording();
  const syntax = await manifestTargets(`${pod('a')}---\nkind: [Pod\n`, r.t, 'demo', { verb: 'apply' });
  assert.deepEqual(syntax, { kind: 'refused', problem: 'the manifest has a YAML syntax error (line 11: Flow sequence in block collection must be sufficiently indented and end with a ]); nothing was sent to the cluster.' });
  const chart = await manifestTargets('name: my-chart\nversion: 1.0.0\n', r.t, 'demo', { verb: 'create' });
  assert.equal(chart.kind === 'refused' && chart.problem, 'this is not a Kubernetes manifest (no document sets apiVersion and kind); nothing was sent to the cluster.');
  const empty = await manifestTargets('# nothing\n', r.t, 'demo', { verb: 'delete' });
  assert.equal(empty.kind === 'refused' && empty.problem, 'the file holds no YAML document to delete.');
  assert.deepEqual(r.calls, []);
});

test('the cursor picks the one document that holds it', async () => {
  const r = recording();
  const text = `${pod('first')}---\n${pod('second')}`;
  const at = text.indexOf('second');
  const one = await manifestTargets(text, r.t, 'demo', { verb: 'apply', cursor: at });
  assert.deepEqual(one.kind === 'ok' && one.targets.map((x) => [x.label, x.request.namespace]), [['Pod/second', 'demo']]);
  const all = await manifestTargets(text, r.t, 'demo', { verb: 'apply' });
  assert.deepEqual(all.kind === 'ok' && all.targets.map((x) => x.label), ['Pod/first', 'Pod/second']);
  const gap = await manifestTargets(`${pod('a')}---\n# only a comment\n`, r.t, 'demo', { verb: 'apply', cursor: text.length + 5 });
  assert.equal(gap.kind === 'refused' && gap.problem, 'there is no YAML document at the cursor to apply.');
});

test('generateName: create may, apply and delete may not (finding at metadata)', async () => {
  const r = recording();
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  generateName: web-\nspec:\n  containers:\n  - name: app\n    image: nginx\n';
  const created = await manifestTargets(text, r.t, 'demo', { verb: 'create' });
  assert.equal(created.kind, 'ok');
  const applied = await manifestTargets(text, r.t, 'demo', { verb: 'apply' });
  assert.equal(applied.kind, 'refused');
  if (applied.kind !== 'refused') return;
  assert.equal(applied.problem, 'cannot apply Pod (generateName web-) (see Problems); nothing was sent.');
  const [finding] = applied.results?.[0].findings ?? [];
  assert.equal(finding.message, 'metadata.name: Required value: name is required (generateName cannot be used with apply)');
  assert.equal(text.slice(finding.start, finding.end), 'metadata');
});

test('a kind the server does not serve is refused with the finding at kind', async () => {
  const r = recording();
  const text = 'apiVersion: v1\nkind: Pood\nmetadata:\n  name: x\n';
  const t = await manifestTargets(text, r.t, 'demo', { verb: 'delete' });
  assert.equal(t.kind === 'refused' && t.problem, 'cannot delete Pood/x (see Problems); nothing was deleted.');
  const f = t.kind === 'refused' ? t.results?.[0].findings[0] : undefined;
  assert.deepEqual(f && [text.slice(f.start, f.end), f.message], ['Pood', 'no matches for kind "Pood" in version "v1"']);
});

test('the lenses\' anchors: each Kubernetes object\'s first key, none for other documents or broken ones', () => {
  const text = `# leading comment\n${pod('a')}---\njust: data\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n---\nkind: [Pod\n`;
  assert.deepEqual(objectHeads(text).map((h) => [h.kind, text.slice(h.offset, h.offset + 10)]), [['Pod', 'apiVersion'], ['ConfigMap', 'apiVersion']]);
});
