import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as vscode from 'vscode';
import { codeOf, podscopeDiagnostics, waitForDiagnostics } from './diagnostics';
import { openUntitledYaml, openWorkspaceFile, rangeOf, replaceAll, workspaceFile } from './documents';
import { activatePodscope } from './podscope';

test('a Pod with an invalid container name gets the API server\'s error on the name', async () => {
  await activatePodscope();
  const doc = await openWorkspaceFile('bad-pod.yaml');
  const words = /^spec\.containers\[0\]\.name: Invalid value: "Web_Server": a lowercase RFC 1123 label must consist of/;
  // The engine's rule answers first; the API server's own verdict (exact layer) then takes its place at the same range.
  const ds = await waitForDiagnostics(doc.uri, (all) => all.some((d) => words.test(d.message)), 'the API server\'s words on the name');
  const at = ds.filter((d) => words.test(d.message));
  assert.equal(at.length, 1, 'one diagnostic for one problem');
  const d = at[0]!;
  assert.ok(['container-name-invalid', 'api-invalid'].includes(String(codeOf(d))), String(codeOf(d)));
  assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
  assert.deepEqual(d.range, rangeOf(doc, 'Web_Server'));
  assert.equal(typeof d.code === 'object' && d.code.target.scheme, 'https', 'the rule code links to its documentation');
});

test('a Deployment is checked at spec.template.spec', async () => {
  await activatePodscope();
  const doc = await openWorkspaceFile('deployment.yaml');
  const message = 'spec.template.spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive';
  // The engine's rule answers first; the API server's own verdict (exact layer) then takes its place at the same range.
  const ds = await waitForDiagnostics(doc.uri, (all) => all.some((d) => d.message === message), message);
  const at = ds.filter((d) => d.message === message);
  assert.equal(at.length, 1, 'one diagnostic for one problem');
  assert.ok(['container-port-invalid', 'api-invalid'].includes(String(codeOf(at[0]!))), String(codeOf(at[0]!)));
  assert.deepEqual(at[0]!.range, rangeOf(doc, '70000'));
});

test('a YAML file that is no Kubernetes object gets no diagnostics', async () => {
  await activatePodscope();
  const uri = workspaceFile('not-kubernetes.yaml');
  // Subscribe before opening: the server publishes (an empty list) once it has checked the file.
  const checked = waitForDiagnostics(uri, () => true, 'a diagnostics update', { includeCurrent: false });
  await openWorkspaceFile('not-kubernetes.yaml');
  assert.deepEqual((await checked).map((d) => `${codeOf(d)} ${d.message}`), []);
});

test('diagnostics go away when a manifest is edited into something that is no Kubernetes object', async () => {
  await activatePodscope();
  const doc = await openUntitledYaml('apiVersion: v1\nkind: Pod\nmetadata:\n  name: Bad_Name\nspec:\n  containers: []\n');
  await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => /^metadata\.name: Invalid value: "Bad_Name"/.test(d.message)), 'the invalid name');
  await replaceAll(doc, 'name: Bad_Name\nsteps:\n  - run: make\n');
  await waitForDiagnostics(doc.uri, (ds) => ds.length === 0, 'empty diagnostics');
  assert.deepEqual(podscopeDiagnostics(doc.uri), []);
});
