// What VS Code evaluates on activation is dist/client.js alone: the language client and the cluster features
// (with @kubernetes/client-node) are bundles of their own, loaded after activate returns. Built here with the
// project's own esbuild options, in memory, so a static import that drags them back onto the activation path fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const root = path.join(__dirname, '..', '..');

test('the activation bundle holds registrations only: no client-node, no language client, no explorer', async () => {
  // @ts-expect-error esbuild.mjs is plain JavaScript, without declarations.
  const { common, entries } = (await import('../../esbuild.mjs')) as { common: esbuild.BuildOptions; entries: esbuild.BuildOptions[] };
  const client = entries.find((e) => e.outfile === 'dist/client.js');
  assert.ok(client, 'esbuild.mjs has the client entry');
  const result = await esbuild.build({ ...common, ...client, absWorkingDir: root, write: false, metafile: true, logLevel: 'silent' });
  const inputs = Object.keys(result.metafile.inputs);
  const heavy = inputs.filter((f) => /node_modules\/(@kubernetes|vscode-languageclient|vscode-jsonrpc|ws)\//.test(f)
    || /client\/src\/(kube\/tree\/(explorer|treeModel|treeProvider)|kube\/cluster\/connection|clusterFeatures|lsp\/client)\.ts$/.test(f));
  assert.deepEqual(heavy, []);
  // The late bundles are required by name from beside it.
  const text = result.outputFiles.find((f) => f.path.endsWith('client.js'))?.text ?? '';
  for (const late of ['./clusterFeatures.js', './languageClient.js']) assert.ok(text.includes(`require("${late}")`), late);
  const lateOutputs = entries.map((e) => e.outfile);
  for (const late of ['dist/clusterFeatures.js', 'dist/languageClient.js']) assert.ok(lateOutputs.includes(late), `${late} is built`);
});
