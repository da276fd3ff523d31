import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HoverRequest, type Hover } from 'vscode-languageserver/node';
import { defaultSchema as schema } from '../../server/src/engine';
import { LspHarness } from './lspHarness';

const POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: demo',
  '  labels: {app: web}',
  'spec:',
  '  restartPolicy: Never',
  '  containers:',
  '  - name: app',
  '    image: nginx',
  '    bogus: 1',
  '',
].join('\n');

describe('hover over LSP', () => {
  let h: LspHarness;
  const uri = 'file:///hover.yaml';
  before(async () => {
    h = await LspHarness.start();
    await h.open(uri, POD);
  });
  after(() => h.stop());

  const hover = (line: number, character: number) =>
    h.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } }) as Promise<Hover | null>;
  const text = (hv: Hover | null) => (hv?.contents as { value: string } | undefined)?.value ?? '';

  it('shows a field\'s path, type and description on its name, and ranges over the name', async () => {
    const hv = await hover(9, 6);
    assert.match(text(hv), /^`spec\.containers\[0\]\.image`: string\n\n/);
    assert.ok(text(hv).includes(schema.fieldOf('V1Container', 'image')!.description));
    assert.deepEqual(hv!.range, { start: { line: 9, character: 4 }, end: { line: 9, character: 9 } });
  });

  it('shows the field on its value too, with the allowed values of an enum', async () => {
    const hv = await hover(6, 20);
    assert.match(text(hv), /^`spec\.restartPolicy`: string/);
    assert.match(text(hv), /Values: `Always`, `OnFailure`, `Never`/);
  });

  it('marks required fields and writes map keys in Kubernetes notation', async () => {
    assert.match(text(await hover(8, 5)), /^`spec\.containers\[0\]\.name`: string \(required\)/);
    assert.match(text(await hover(4, 12)), /^`metadata\.labels\[app\]`: string/);
  });

  it('shows nothing for unknown fields or outside any node', async () => {
    assert.equal(await hover(10, 6), null);
    assert.equal(await hover(11, 0), null);
  });
});
