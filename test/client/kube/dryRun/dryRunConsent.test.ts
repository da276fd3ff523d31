// "Validate Against the Cluster" tells what it sends and where, and asks once per file before Secrets or cluster-scoped
// objects are sent; declining sends nothing but discovery, and every request it makes is a dry run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ApiResponse } from '../../../../client/src/kube/cluster/apiRequest';
import { DryRunConsent, validateFileOnCluster, type DryRunInput, type DryRunUi } from '../../../../client/src/kube/dryRun/dryRunConsent';
import type { DryRunTransport } from '../../../../client/src/kube/dryRun/dryRunValidate';

const KINDS: Record<string, { name: string; namespaced: boolean }> = {
  Pod: { name: 'pods', namespaced: true },
  Secret: { name: 'secrets', namespaced: true },
  ClusterRole: { name: 'clusterroles', namespaced: false },
};

function recordingTransport() {
  const sent: { method: string; path: string }[] = [];
  const transport: DryRunTransport = {
    resourceFor: async (_v, kind) => KINDS[kind],
    send: async (method, path): Promise<ApiResponse> => { sent.push({ method, path }); return { status: 201, body: '{}', warnings: [] }; },
  };
  return { transport, sent };
}

function recordingUi(answer: boolean) {
  const log = { titles: [] as string[], questions: [] as string[], reports: [] as { ok: boolean; text: string }[] };
  const ui: DryRunUi = {
    progress: (title, task) => { log.titles.push(title); return task(); },
    askToSend: async (question) => { log.questions.push(question); return answer; },
    report: (ok, text) => { log.reports.push({ ok, text }); },
  };
  return { ui, log };
}

const obj = (kind: string, name: string, apiVersion = 'v1', ns?: string) =>
  [`apiVersion: ${apiVersion}`, `kind: ${kind}`, 'metadata:', `  name: ${name}`, ...(ns ? [`  namespace: ${ns}`] : [])].join('\n');
const file = (...docs: string[]) => docs.join('\n---\n');
const input = (text: string, over: Partial<DryRunInput> = {}): DryRunInput =>
  ({ file: 'file:///a.yaml', text, contextName: 'prod', namespace: 'demo', confirmSensitive: true, ...over });

test('plain pods: no question; the progress names the objects, the namespace and the context', async () => {
  const { transport, sent } = recordingTransport();
  const { ui, log } = recordingUi(false);
  const results = await validateFileOnCluster(input(file(obj('Pod', 'web'), obj('Pod', 'db', 'v1', 'data'))), transport, new DryRunConsent(), ui);
  assert.equal(results?.length, 2);
  assert.deepEqual(log.questions, []);
  assert.equal(log.titles[1], 'Podscope: dry run of Pod/web in namespace "demo"; Pod/db in namespace "data" on context "prod"…');
  assert.deepEqual(log.reports, [{ ok: true, text: 'Podscope (context "prod", namespace "demo"): server-side dry run: the API server accepted Pod/web, Pod/db.' }]);
  assert.deepEqual(sent.map((s) => s.path), [
    '/api/v1/namespaces/demo/pods?dryRun=All&fieldValidation=Strict&fieldManager=podscope',
    '/api/v1/namespaces/data/pods?dryRun=All&fieldValidation=Strict&fieldManager=podscope',
  ]);
});

test('a Secret and a cluster-scoped object: one question for the file naming both; declining sends nothing', async () => {
  const { transport, sent } = recordingTransport();
  const { ui, log } = recordingUi(false);
  const text = file(obj('Pod', 'web'), obj('Secret', 'db-password'), obj('ClusterRole', 'admin', 'rbac.authorization.k8s.io/v1'));
  const results = await validateFileOnCluster(input(text), transport, new DryRunConsent(), ui);
  assert.equal(results, undefined);
  assert.deepEqual(log.questions, ['Send Secret/db-password in namespace "demo"; ClusterRole/admin (cluster-scoped) to context "prod" for a server-side dry run?']);
  assert.deepEqual(sent, []);
  assert.deepEqual(log.reports, [{ ok: false, text: 'Podscope: dry run cancelled; nothing was sent to context "prod".' }]);
});

test('asked once per file: again only for another file, another context, or a new sensitive object', async () => {
  const { transport, sent } = recordingTransport();
  const { ui, log } = recordingUi(true);
  const consent = new DryRunConsent();
  const text = file(obj('Pod', 'web'), obj('Secret', 's1'));
  await validateFileOnCluster(input(text), transport, consent, ui);
  await validateFileOnCluster(input(text), transport, consent, ui);
  assert.equal(log.questions.length, 1, 'the same file again: no second question');
  await validateFileOnCluster(input(text, { file: 'file:///b.yaml' }), transport, consent, ui);
  assert.equal(log.questions.length, 2, 'another file');
  await validateFileOnCluster(input(text, { contextName: 'other' }), transport, consent, ui);
  assert.equal(log.questions.length, 3, 'another context');
  await validateFileOnCluster(input(file(text, obj('Secret', 's2'))), transport, consent, ui);
  assert.equal(log.questions.length, 4, 'the file gained a Secret');
  assert.equal(sent.length, 2 + 2 + 2 + 2 + 3);
  assert.ok(sent.every((s) => s.method === 'POST' && s.path.endsWith('?dryRun=All&fieldValidation=Strict&fieldManager=podscope')));
});

test('podscope.dryRun.confirmSensitive off: no question', async () => {
  const { transport, sent } = recordingTransport();
  const { ui, log } = recordingUi(false);
  await validateFileOnCluster(input(obj('Secret', 's'), { confirmSensitive: false }), transport, new DryRunConsent(), ui);
  assert.deepEqual(log.questions, []);
  assert.equal(sent.length, 1);
});
