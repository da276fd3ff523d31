// Show Pod Details end to end over the stand-in `vscode` module: the command opens the selected pod's document (the
// keybinding passes no argument), the editor hears of a change by its URI, a closed document stops being followed,
// and a document VS Code reopens by itself (a restored editor) follows the pod its path names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fake from '../fakes/fakeVscode';
import { useFakeVscode } from '../fakes/routeVscode';
import { watching } from '../fakes/fakeTree';
import { until } from '../../../support/until';

useFakeVscode();

async function load() {
  const { PodDetailsDocuments, refOf, DETAILS_SCHEME } = await import('../../../../client/src/kube/details/podDetailsDocuments.js');
  const { detailsCommands } = await import('../../../../client/src/kube/details/detailsCommands.js');
  return { PodDetailsDocuments, refOf, DETAILS_SCHEME, detailsCommands };
}

test('the command opens the selected pod live; a change reaches the editor by URI; closing stops it', async (t) => {
  const { PodDetailsDocuments, DETAILS_SCHEME, detailsCommands } = await load();
  const { cluster, model } = await watching('web', 'web/a');
  const docs = new PodDetailsDocuments(model);
  t.after(() => docs.dispose());
  const selected = model.findPod('dev', 'web', 'a');
  const run = detailsCommands['podscope.pod.details']({
    deps: { apiFor: () => cluster, activeScope: () => ({ contextName: 'dev', namespace: 'web' }), selected: () => selected },
    podDetails: docs,
  });
  await run();
  const doc = fake.recorded.shownDocuments.at(-1)!;
  assert.equal(doc.uri.toString(), `${DETAILS_SCHEME}:/dev/web/a.details`);
  assert.match(doc.getText(), /^Pod web\/a · context dev · live\n/);

  const heard: string[] = [];
  docs.onDidChange((uri) => heard.push(uri.toString()));
  cluster.update('web', 'a', (p) => { p.metadata!.labels = { app: 'shop' }; });
  await until('the editor to hear of the change', () => heard.length > 0);
  assert.deepEqual(heard, [doc.uri.toString()]);
  assert.match(doc.getText(), /Labels:\s+app=shop\n/);

  fake.recorded.closeDocument.fire(doc as never);
  assert.equal(docs.tracker.openCount, 0);
});

test('a document VS Code reopens by itself follows the pod its path names, slashes in the context name included', async (t) => {
  const { PodDetailsDocuments, refOf, DETAILS_SCHEME } = await load();
  assert.deepEqual(refOf({ path: '/arn:aws:eks:eu-west-1:1:cluster/prod/web/a.details' }), { contextName: 'arn:aws:eks:eu-west-1:1:cluster/prod', namespace: 'web', name: 'a' });
  assert.equal(refOf({ path: '/web/a.details' }), undefined);
  assert.equal(refOf({ path: '/dev/web/a.yaml' }), undefined);

  const { model } = await watching('web', 'web/a');
  const docs = new PodDetailsDocuments(model);
  t.after(() => docs.dispose());
  const restored = fake.Uri.from({ scheme: DETAILS_SCHEME, path: '/dev/web/a.details' });
  assert.match(docs.provideTextDocumentContent(restored as never), /^Pod web\/a · context dev · live\n[\s\S]*Containers:\n {2}main:\n/);
  assert.equal(docs.tracker.openCount, 1);
});
