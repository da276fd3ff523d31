import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DocumentSymbolRequest, SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import { y } from '../engine/helpers';
import { LspHarness } from './lspHarness';

const TEXT = y`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    initContainers:
    - name: proxy
      image: envoy
      restartPolicy: Always
    containers:
    - name: app
      image: nginx
      ports:
      - name: http
        containerPort: 8080
      - containerPort: 9090
        protocol: UDP
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: api}
  spec:
    template:
      spec:
        containers: [{name: api, image: api}]
  ---
  apiVersion: v1
  kind: Service
  metadata: {name: web}
  ---
  just: yaml
`;

/** name (detail) [children] — compact enough to compare whole trees. */
function shape(s: DocumentSymbol): unknown {
  return [s.name, s.detail, s.kind, ...(s.children?.length ? [s.children.map(shape)] : [])];
}

describe('document symbols over LSP', () => {
  let h: LspHarness;
  let symbols: DocumentSymbol[];
  before(async () => {
    h = await LspHarness.start();
    await h.open('file:///symbols.yaml', TEXT);
    symbols = (await h.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: 'file:///symbols.yaml' } })) as DocumentSymbol[];
  });
  after(() => h.stop());

  it('lists Kubernetes objects, their containers and the containers\' ports; plain YAML is left out', () => {
    assert.deepEqual(symbols.map(shape), [
      ['web', 'Pod', SymbolKind.Class, [
        ['proxy', 'sidecar', SymbolKind.Module],
        ['app', 'containers', SymbolKind.Module, [
          ['http', '8080/TCP', SymbolKind.Field],
          ['9090', '9090/UDP', SymbolKind.Field],
        ]],
      ]],
      ['api', 'Deployment', SymbolKind.Class, [['api', 'containers', SymbolKind.Module]]],
      ['web', 'Service', SymbolKind.Class],
    ]);
  });

  it('gives ranges in file lines, with the name selected inside each range', () => {
    const [pod, deployment] = symbols;
    assert.deepEqual(pod!.selectionRange, { start: { line: 3, character: 8 }, end: { line: 3, character: 11 } });
    assert.equal(deployment!.range.start.line, 17);
    const app = pod!.children![1]!;
    assert.deepEqual(app.selectionRange, { start: { line: 10, character: 10 }, end: { line: 10, character: 13 } });
    assert.equal(app.children![0]!.range.start.line, 13);
    assert.equal(deployment!.children![0]!.range.start.line, 24);
  });
});
