// The pod actions as commands: describe, view YAML, refresh either document, delete, copy name (port-forward has its
// own folder, portForward/). The flows (quick picks, confirmations) are here; what they do is in this folder's modules.
import * as vscode from 'vscode';
import { inform, reportFailure } from '../../notify';
import type { CommandFactory, PodActionDeps } from '../pod/podActionDeps';
import type { ClusterApi } from '../cluster/clusterApi';
import { isPodTarget, resolvePod } from '../pod/targetPicker';
import type { PodTarget } from '../pod/targets';
import { podNameText } from './copyName';
import { confirmationMessage, deleteChoices, deletePods, graceInputError, type DeleteMode } from './deletePod';
import { describePod } from './describe';
import { fetchPodYaml } from './podYaml';
import { DESCRIBE_SCHEME, podDocumentUri, YAML_SCHEME, type ReadOnlyDocuments } from './readOnlyDocuments';

export interface PodActionContext {
  deps: PodActionDeps;
  documents: ReadOnlyDocuments;
}

const describe: CommandFactory<PodActionContext> = (ctx) => async (arg) => {
  const r = await resolvePod(arg, ctx.deps, 'Describe');
  if (!r) return;
  const { api, target } = r;
  const uri = podDocumentUri(DESCRIBE_SCHEME, target.contextName, target.namespace, target.name, '.describe.txt');
  try {
    await ctx.documents.show(uri, async () => {
      const [pod, events] = await Promise.all([api.readPod(target.namespace, target.name), api.listPodEvents(target.namespace, target.name)]);
      return describePod(pod, events.items.filter((e) => !e.involvedObject.uid || e.involvedObject.uid === pod.metadata?.uid));
    });
  } catch (err) {
    reportFailure(`describing pod "${target.name}"`, err);
  }
};

const viewYaml: CommandFactory<PodActionContext> = (ctx) => async (arg) => {
  const r = await resolvePod(arg, ctx.deps, 'View YAML');
  if (!r) return;
  const { api, target } = r;
  const uri = podDocumentUri(YAML_SCHEME, target.contextName, target.namespace, target.name, '.yaml');
  try {
    await ctx.documents.show(uri, () => fetchPodYaml(api, target.namespace, target.name), 'yaml');
  } catch (err) {
    reportFailure(`reading pod "${target.name}"`, err);
  }
};

const refreshDocument: CommandFactory<PodActionContext> = (ctx) => async (arg) => {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (!uri) return;
  try {
    await ctx.documents.refresh(uri);
  } catch (err) {
    reportFailure('refreshing', err);
  }
};

/** Delete Pod on one pod, or on every pod selected in the tree (one choice, one confirmation listing them all). */
const deleteCommand: CommandFactory<PodActionContext> = (ctx) => async (arg, selected) => {
  const targets = selectedPods(arg, selected, ctx.deps) ?? await resolvePod(arg, ctx.deps, 'Delete Pod').then((r) => (r ? [withApi(r.target, r.api)] : undefined));
  if (!targets || targets.length === 0) return;
  const title = targets.length === 1 ? `Delete pod ${targets[0].namespace}/${targets[0].name}` : `Delete ${targets.length} pods`;
  const choice = await vscode.window.showQuickPick(
    deleteChoices(targets.map((t) => t.pod)).map((c) => ({ label: c.label, detail: c.detail, mode: c.mode })),
    { title },
  );
  if (!choice) return;
  let mode: DeleteMode;
  if (choice.mode === 'askGrace') {
    const text = await vscode.window.showInputBox({ title: 'Grace period in seconds', value: '0', validateInput: graceInputError });
    if (text === undefined) return;
    mode = { kind: 'grace', seconds: Number(text.trim()) };
  } else {
    mode = choice.mode;
  }
  const confirm = await vscode.window.showWarningMessage(confirmationMessage(targets, mode), { modal: true }, 'Delete');
  if (confirm !== 'Delete') return;
  const { deleted, failed } = await deletePods(targets, mode);
  for (const f of failed) reportFailure(`deleting pod "${f.pod.name}"`, f.error);
  if (deleted.length > 0) void inform(deleted.length === 1 ? `pod "${deleted[0].name}" deleted.` : `${deleted.length} pods deleted: ${deleted.map((p) => p.name).join(', ')}.`);
};

/** The tree's multi-selection, when the command was run on one of several selected pods; else undefined. */
function selectedPods(arg: unknown, selected: unknown, deps: PodActionContext['deps']): (PodTarget & { api: ClusterApi })[] | undefined {
  if (!Array.isArray(selected) || selected.length < 2 || !selected.includes(arg)) return undefined;
  const pods = selected.filter(isPodTarget).flatMap((p) => {
    const api = deps.apiFor(p.contextName);
    return api ? [withApi(p, api)] : [];
  });
  return pods.length > 0 ? pods : undefined;
}

/** A pod target (a tree node's `pod` is a getter, so no spread) with the API of its context. */
function withApi(p: PodTarget, api: ClusterApi): PodTarget & { api: ClusterApi } {
  return { contextName: p.contextName, namespace: p.namespace, name: p.name, pod: p.pod, api };
}

const copyName: CommandFactory<PodActionContext> = (ctx) => async (arg) => {
  const r = await resolvePod(arg, ctx.deps, 'Copy Name');
  if (!r) return;
  await vscode.env.clipboard.writeText(podNameText(r.target));
  vscode.window.setStatusBarMessage(`Copied "${r.target.name}"`, 3000);
};

export const podActionCommands = {
  'podscope.pod.describe': describe,
  'podscope.pod.yaml': viewYaml,
  'podscope.pod.refreshDocument': refreshDocument,
  'podscope.pod.delete': deleteCommand,
  'podscope.pod.copyName': copyName,
};
