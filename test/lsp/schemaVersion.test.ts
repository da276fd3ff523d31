// The language server checks, completes and hovers a document against the schema of its Kubernetes
// version: the setting, else the cluster's, else the exact layer's choice; the same choice for all three.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CompletionRequest, HoverRequest, type CompletionItem, type PublishDiagnosticsParams } from 'vscode-languageserver/node';
import type { ModuleEntry } from '../../server/src/exact/modules';
import { KubernetesVersions } from '../../server/src/lsp/kubernetesVersion';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { CLUSTER_VERSION_NOTIFICATION, type PodscopeSettings } from '../../server/src/shared/protocol';
import { EVICTION_RESPONDERS, SCHEDULING_GROUP, schedulingGroupPod } from '../support/versionedFields';
import { LspHarness } from './lspHarness';

const unknownMessages = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.code === 'unknown-field').map((d) => (typeof d.message === 'string' ? d.message : d.message.value));

describe('schema version over LSP', () => {
  let h: LspHarness;
  let n = 0;
  // podscope.kubernetesVersion per document: the URI names it (`.../v1.35/x.yaml`), `auto` otherwise.
  before(async () => {
    h = await LspHarness.start({
      configuration: (item) => ({ kubernetesVersion: /\/v(\d+\.\d+)\//.exec(item.scopeUri ?? '')?.[1] ?? 'auto' }),
    });
  });
  after(() => h.stop());
  const uri = (version: string) => `file:///${version}/doc-${n++}.yaml`;

  it('an unknown field under the 1.35 setting is fine under 1.36 and under auto without a cluster (1.36)', async () => {
    assert.deepEqual(unknownMessages(await h.open(uri('v1.35'), schedulingGroupPod)), [
      `${SCHEDULING_GROUP.path}: unknown field "${SCHEDULING_GROUP.path}" (not in the Kubernetes 1.35 schema; 1.36, 1.37 have it)`,
    ]);
    assert.deepEqual(unknownMessages(await h.open(uri('v1.36'), schedulingGroupPod)), []);
    assert.deepEqual(unknownMessages(await h.open(uri('auto'), schedulingGroupPod)), []);
  });

  it('auto follows the cluster even with exact validation off: open files are checked again', async () => {
    const auto = uri('auto');
    assert.deepEqual(unknownMessages(await h.open(auto, schedulingGroupPod)), []);
    const again = h.nextDiagnostics(auto, (p) => unknownMessages(p).length > 0);
    await h.connection.sendNotification(CLUSTER_VERSION_NOTIFICATION, { gitVersion: 'v1.35.4' });
    assert.match(unknownMessages(await again)[0]!, /not in the Kubernetes 1\.35 schema/);
    const back = h.nextDiagnostics(auto, (p) => unknownMessages(p).length === 0);
    await h.connection.sendNotification(CLUSTER_VERSION_NOTIFICATION, {});
    await back;
  });

  async function complete(u: string, text: string, line: number, character: number): Promise<string[]> {
    await h.open(u, text);
    const result = await h.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: u }, position: { line, character } });
    return (Array.isArray(result) ? result : (result?.items ?? [])).map((i: CompletionItem) => i.label as string);
  }

  it('completion offers a field only for the version that has it', async () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  evi\n';
    const field = EVICTION_RESPONDERS.path.split('.').at(-1)!;
    assert.ok((await complete(uri(`v${EVICTION_RESPONDERS.with}`), text, 4, 5)).includes(field));
    assert.ok(!(await complete(uri(`v${EVICTION_RESPONDERS.without}`), text, 4, 5)).includes(field));
    assert.ok(!(await complete(uri('auto'), text, 4, 5)).includes(field));
  });

  it('hover describes a field under the version that has it, and nothing under one that has not', async () => {
    const hover = async (version: string) => {
      const u = uri(version);
      await h.open(u, schedulingGroupPod);
      return h.connection.sendRequest(HoverRequest.type, { textDocument: { uri: u }, position: { line: 4, character: 4 } });
    };
    assert.match(JSON.stringify((await hover('v1.36'))?.contents), /spec\.schedulingGroup`: PodSchedulingGroup/);
    assert.equal(await hover('v1.35'), null);
  });
});

describe('KubernetesVersions', () => {
  const settings = (kubernetesVersion: string, enable = true): PodscopeSettings => ({ ...DEFAULT_SETTINGS, kubernetesVersion, exact: { ...DEFAULT_SETTINGS.exact, enable } });
  const modules: ModuleEntry[] = ['v1.37.2', 'v1.35.4'].map((version) => ({ version, minor: version.slice(1, 5), file: `/nowhere/${version}` }));

  it('the schema follows the exact layer\'s module when it chooses one, the same rule without it', () => {
    const v = new KubernetesVersions(modules);
    assert.equal(v.schema(settings('auto')), '1.37');
    assert.equal(v.schema(settings('auto', false)), '1.36');
    v.clusterVersion = 'v1.35.1';
    assert.equal(v.schema(settings('auto')), '1.35');
    // 1.36 has a schema but no module here: the exact layer chooses none, the schema still follows the setting.
    assert.equal(v.schema(settings('1.36')), '1.36');
    assert.equal(v.schema(settings('1.30')), '1.36');
    assert.equal(new KubernetesVersions().schema(settings('auto')), '1.36');
  });
});
