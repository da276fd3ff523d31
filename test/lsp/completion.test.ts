import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CompletionItemKind, CompletionRequest, type CompletionItem } from 'vscode-languageserver/node';
import { defaultSchema as schema } from '../../server/src/engine';
import { LspHarness } from './lspHarness';

/** The text with `|` marking the cursor, and the cursor's position. */
function cursor(text: string): { text: string; line: number; character: number } {
  const i = text.indexOf('|');
  const before = text.slice(0, i);
  const line = before.split('\n').length - 1;
  return { text: text.slice(0, i) + text.slice(i + 1), line, character: i - before.lastIndexOf('\n') - 1 };
}

describe('completion over LSP', () => {
  let h: LspHarness;
  let n = 0;
  before(async () => { h = await LspHarness.start(); });
  after(() => h.stop());

  async function complete(marked: string): Promise<CompletionItem[]> {
    const { text, line, character } = cursor(marked);
    const uri = `file:///completion-${n++}.yaml`;
    await h.open(uri, text);
    const result = await h.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } });
    return Array.isArray(result) ? result : (result?.items ?? []);
  }

  const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: demo\nspec:\n  containers:\n  - name: app\n';

  it('offers the container fields not already present, with type and description', async () => {
    const items = await complete(`${POD}    ima|\n    ports:\n    - containerPort: 80\n`);
    const labels = items.map((i) => i.label);
    const expected = schema.fieldsOf(schema.resolvePath('Pod', ['spec', 'containers', 0])!.type).map((f) => f.name).filter((f) => f !== 'name' && f !== 'ports');
    assert.deepEqual([...labels].sort(), [...expected].sort());
    const image = items.find((i) => i.label === 'image')!;
    assert.equal(image.kind, CompletionItemKind.Property);
    assert.equal(image.detail, 'string');
    assert.match((image.documentation as { value: string }).value, /Container image name/);
    // The typed prefix is replaced, and a scalar field gets `name: `.
    assert.deepEqual(image.textEdit, { range: { start: { line: 7, character: 4 }, end: { line: 7, character: 7 } }, newText: 'image: $0' });
  });

  it('offers pod spec fields on an empty line at the spec\'s indentation, required ones first', async () => {
    const items = await complete(`${POD}    image: nginx\n  |\n`);
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('restartPolicy') && labels.includes('volumes'));
    assert.ok(!labels.includes('containers'), 'containers is already there');
    assert.ok(!labels.includes('image'), 'image belongs to a container, not the pod spec');
    const volumes = items.find((i) => i.label === 'volumes')!;
    assert.equal((volumes.textEdit as { newText: string }).newText, 'volumes:\n- $0');
  });

  it('offers a new list item\'s fields after `- `', async () => {
    const items = await complete(`${POD}    image: nginx\n    ports:\n    - |\n`);
    const labels = items.map((i) => i.label).sort();
    assert.deepEqual(labels, schema.fieldsOf('V1ContainerPort').map((f) => f.name).sort());
    const required = items.filter((i) => i.sortText!.startsWith('0')).map((i) => i.label);
    assert.deepEqual(required, ['containerPort']);
  });

  it('replaces an existing key\'s name when the cursor is at its start, without adding a colon', async () => {
    const items = await complete('apiVersion: v1\nkind: Pod\n|spec: {}\n');
    const spec = items.find((i) => i.label === 'spec')!;
    assert.deepEqual(spec.textEdit, { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } }, newText: 'spec' });
  });

  it('offers top-level fields without status, and follows a Deployment into its pod template', async () => {
    const top = await complete('apiVersion: v1\nkind: Pod\n|\n');
    assert.deepEqual(top.map((i) => i.label).sort(), ['metadata', 'spec']);
    const deployment = await complete('apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - name: a\n        |\n');
    assert.ok(deployment.some((i) => i.label === 'livenessProbe'));
  });

  it('offers enum values for an enum field, replacing what was typed', async () => {
    const items = await complete(`${POD}    image: nginx\n    imagePullPolicy: If|\n`);
    assert.deepEqual(items.map((i) => i.label), [...schema.resolvePath('Pod', ['spec', 'containers', 0, 'imagePullPolicy'])!.type.enum!]);
    assert.ok(items.every((i) => i.kind === CompletionItemKind.EnumMember));
    assert.deepEqual((items[0]!.textEdit as { range: unknown }).range, { start: { line: 8, character: 21 }, end: { line: 8, character: 23 } });
  });

  it('offers the kinds it knows for `kind:`, and the served apiVersion for `apiVersion:`', async () => {
    const kinds = await complete('apiVersion: v1\nkind: |\n');
    assert.ok(kinds.some((i) => i.label === 'Pod') && kinds.some((i) => i.label === 'CronJob'));
    const versions = await complete('apiVersion: |\nkind: CronJob\n');
    assert.deepEqual(versions.map((i) => i.label), ['batch/v1']);
  });

  it('offers true and false for a boolean field', async () => {
    const items = await complete(`${POD}    image: nginx\n    stdin: |\n`);
    assert.deepEqual(items.map((i) => i.label), ['true', 'false']);
  });

  it('offers nothing for YAML that is not a Kubernetes kind it knows, nor inside a comment', async () => {
    assert.deepEqual(await complete('services:\n  web:\n    |\n'), []);
    assert.deepEqual(await complete('apiVersion: v1\nkind: ConfigMap\n|\n'), []);
    assert.deepEqual(await complete(`${POD}    # ima|\n`), []);
  });
});
