// Manifest → cluster: Apply (all documents, or the one at the cursor), Create, Delete the objects in this file, and
// Run a pod. The flows (questions, the diff, progress, messages) are here; what they send is in this folder's modules.
// Every command acts on the tree's context and namespace, as Validate Against the Cluster does.
import * as vscode from 'vscode';
import { inform, reportFailure, reportProblem, titled } from '../../notify';
import { graceInputError } from '../actions/deletePod';
import { DIFF_SCHEME, type ReadOnlyDocuments } from '../actions/readOnlyDocuments';
import type { ClusterApi } from '../cluster/clusterApi';
import type { ClusterDiagnostics } from '../dryRun/clusterDiagnostics';
import type { CommandFactory, PodActionDeps } from '../pod/podActionDeps';
import type { TreeCommandHost } from '../tree/treeCommands';
import { createTargets } from './createObjects';
import { deleteQuestion, deleteTargets } from './deleteObjects';
import { describeConflicts } from './fieldConflicts';
import { manifestTargets, type ObjectTarget } from './manifestTargets';
import { diffText } from './objectDiff';
import { clusterObjectTransport, type ObjectTransport } from './objectTransport';
import { revealPod, runPodFlow } from './runPodFlow';
import { applyPreviews, applySummary, previewApply, type ApplyPreview } from './serverSideApply';

export interface ApplyCommandContext {
  deps: PodActionDeps;
  clusterDiagnostics: ClusterDiagnostics;
  documents: ReadOnlyDocuments;
  readonly explorer: TreeCommandHost | undefined;
}

interface Manifest {
  document: vscode.TextDocument;
  cursor?: number;
  contextName: string;
  namespace: string;
  transport: ObjectTransport;
  /** `context "kind", namespace "demo"`, for messages. */
  where: string;
}

function progress<T>(title: string, task: () => Promise<T>): Promise<T> {
  return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: titled(title) }, task));
}

/** The active editor's manifest and the tree's context; undefined (after saying why) when either is missing. */
function openManifest(ctx: ApplyCommandContext, verb: string, atCursor: boolean): Manifest | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    reportProblem(`open a manifest to ${verb}.`);
    return undefined;
  }
  const scope = ctx.deps.activeScope();
  const api: ClusterApi | undefined = scope && ctx.deps.apiFor(scope.contextName);
  if (!scope || !api) {
    reportProblem(`no Kubernetes context is selected, so there is no cluster to ${verb} to. Choose one in the Pods view first.`);
    return undefined;
  }
  const namespace = scope.namespace ?? 'default';
  return {
    document: editor.document,
    cursor: atCursor ? editor.document.offsetAt(editor.selection.active) : undefined,
    contextName: scope.contextName,
    namespace,
    transport: clusterObjectTransport(api),
    where: `context "${scope.contextName}", namespace "${namespace}"`,
  };
}

/** The file's objects, or undefined after reporting why none may be sent (findings go to Problems). */
async function targetsOf(ctx: ApplyCommandContext, m: Manifest, verb: string): Promise<ObjectTarget[] | undefined> {
  const targets = await progress(`reading the manifest's kinds from context "${m.contextName}"…`, () =>
    manifestTargets(m.document.getText(), m.transport, m.namespace, { verb, cursor: m.cursor }));
  ctx.clusterDiagnostics.set(m.document, targets.kind === 'refused' ? targets.results ?? [] : []);
  if (targets.kind === 'ok') return targets.targets;
  reportProblem(targets.problem);
  return undefined;
}

const apply = (atCursor: boolean): CommandFactory<ApplyCommandContext> => (ctx) => async () => {
  const m = openManifest(ctx, 'apply', atCursor);
  if (!m) return;
  try {
    const targets = await targetsOf(ctx, m, 'apply');
    if (!targets) return;
    let force = false;
    let previews = await dryRun(ctx, m, targets, force);
    if (!previews) return;
    const conflicts = previews.flatMap((p) => describeConflicts(p.target.label, p.conflicts));
    if (conflicts.length > 0) {
      const choice = await vscode.window.showWarningMessage(
        titled('applying would change fields another field manager owns; nothing was applied.'),
        { modal: true, detail: `${conflicts.join('\n')}\n\nForce Apply makes "podscope" their manager (as kubectl apply --server-side --force-conflicts).` },
        'Force Apply',
      );
      if (choice !== 'Force Apply') return;
      force = true;
      previews = await dryRun(ctx, m, targets, force);
      if (!previews) return;
    }
    if (!(await confirmChanges(ctx, m, previews))) return;
    const outcomes = await progress(`applying to ${m.where}…`, () => applyPreviews(previews, m.transport, force));
    const summary = applySummary(outcomes);
    if (summary.ok) void inform(`applied to ${m.where}: ${summary.text}.`);
    else reportProblem(`apply to ${m.where}: ${summary.text}.`);
  } catch (err) {
    reportFailure(`applying the manifest to ${m.where}`, err);
  }
};

/** The dry run before an apply; undefined when the server refused an object (its findings are then in Problems). */
async function dryRun(ctx: ApplyCommandContext, m: Manifest, targets: ObjectTarget[], force: boolean): Promise<ApplyPreview[] | undefined> {
  const previews = await progress(`server-side dry run of the apply on ${m.where}…`, () => previewApply(targets, m.transport, force));
  const rejected = previews.flatMap((p) => (p.rejected ? [p.rejected] : []));
  ctx.clusterDiagnostics.set(m.document, rejected);
  if (rejected.length === 0) return previews;
  reportProblem(`the server-side dry run refused ${rejected.map((r) => r.label).join(', ')} (see Problems); nothing was applied.`);
  return undefined;
}

/** Before changing existing objects: say which fields change, offer the diff; true to go on. */
async function confirmChanges(ctx: ApplyCommandContext, m: Manifest, previews: readonly ApplyPreview[]): Promise<boolean> {
  const changed = previews.filter((p) => p.live && p.changes.length > 0);
  if (changed.length === 0) return true;
  const detail = changed.map((p) => `${p.target.label}: ${p.changes.join(', ')}`).join('\n');
  const choice = await vscode.window.showInformationMessage(
    titled(`apply changes ${changed.length === 1 ? 'an existing object' : `${changed.length} existing objects`} in ${m.where}.`),
    { modal: true, detail },
    'Apply',
    'Show Diff',
  );
  if (choice !== 'Show Diff') return choice === 'Apply';
  for (const p of changed) await showDiff(ctx, m, p);
  return (await inform(`review the diff, then apply ${changed.map((p) => p.target.label).join(', ')} to ${m.where}.`, 'Apply')) === 'Apply';
}

async function showDiff(ctx: ApplyCommandContext, m: Manifest, p: ApplyPreview): Promise<void> {
  const base = `/${m.contextName}/${p.target.request.namespace ?? '_cluster'}/${p.target.label}`;
  const live = vscode.Uri.from({ scheme: DIFF_SCHEME, path: `${base}.live.yaml` });
  const result = vscode.Uri.from({ scheme: DIFF_SCHEME, path: `${base}.applied.yaml` });
  ctx.documents.put(live, diffText(p.live));
  ctx.documents.put(result, diffText(p.result));
  await vscode.commands.executeCommand('vscode.diff', live, result, `${p.target.label}: live ↔ after apply (dry run)`, { preview: false });
}

const create: CommandFactory<ApplyCommandContext> = (ctx) => async () => {
  const m = openManifest(ctx, 'create', false);
  if (!m) return;
  try {
    const targets = await targetsOf(ctx, m, 'create');
    if (!targets) return;
    const outcomes = await progress(`creating in ${m.where}…`, () => createTargets(targets, m.transport));
    ctx.clusterDiagnostics.set(m.document, outcomes.flatMap((o) => (o.rejected ? [o.rejected] : [])));
    const created = outcomes.flatMap((o) => (o.created ? [`${o.label.split('/')[0]}/${o.created} created`] : []));
    const failed = outcomes.flatMap((o) => (o.error ? [`${o.label}: ${o.error}`] : []));
    const text = [created.join(', '), failed.join('; ')].filter((s) => s !== '').join('; ');
    if (failed.length === 0) void inform(`created in ${m.where}: ${text}.`);
    else reportProblem(`create in ${m.where}: ${text}.`);
  } catch (err) {
    reportFailure(`creating the manifest's objects in ${m.where}`, err);
  }
};

interface GraceChoice extends vscode.QuickPickItem {
  seconds: number | undefined | 'ask';
}

async function chooseGrace(): Promise<number | undefined | 'cancel'> {
  const choices: GraceChoice[] = [
    { label: 'Delete', detail: 'Each object keeps its own grace period (a pod\'s terminationGracePeriodSeconds)', seconds: undefined },
    { label: 'Delete with grace period…', detail: 'Choose how many seconds pods get to stop (kubectl delete --grace-period=N)', seconds: 'ask' },
    { label: 'Force delete', detail: 'Grace period 0: objects are removed at once, containers may still be running (kubectl delete --force --grace-period=0)', seconds: 0 },
  ];
  const pick = await vscode.window.showQuickPick(choices, { title: 'Podscope: Delete the Objects in This File' });
  if (!pick) return 'cancel';
  if (pick.seconds !== 'ask') return pick.seconds;
  const text = await vscode.window.showInputBox({
    title: 'Grace period (seconds)',
    value: '30',
    validateInput: graceInputError,
  });
  return text === undefined ? 'cancel' : Number(text.trim());
}

const deleteFile: CommandFactory<ApplyCommandContext> = (ctx) => async () => {
  const m = openManifest(ctx, 'delete', false);
  if (!m) return;
  try {
    const targets = await targetsOf(ctx, m, 'delete');
    if (!targets) return;
    const grace = await chooseGrace();
    if (grace === 'cancel') return;
    const yes = await vscode.window.showWarningMessage(titled(deleteQuestion(targets, m.contextName, grace)), { modal: true }, 'Delete');
    if (yes !== 'Delete') return;
    const outcomes = await progress(`deleting from ${m.where}…`, () => deleteTargets(targets, m.transport, grace));
    const deleted = outcomes.filter((o) => !o.error).map((o) => o.label);
    const failed = outcomes.flatMap((o) => (o.error ? [`${o.label}: ${o.error}`] : []));
    const text = [deleted.length > 0 ? `deleted ${deleted.join(', ')}` : '', failed.join('; ')].filter((s) => s !== '').join('; ');
    if (failed.length === 0) void inform(`${text} (${m.where}).`);
    else reportProblem(`delete from ${m.where}: ${text}.`);
  } catch (err) {
    reportFailure(`deleting the manifest's objects from ${m.where}`, err);
  }
};

const run: CommandFactory<ApplyCommandContext> = (ctx) => async () => {
  const scope = ctx.deps.activeScope();
  const api = scope && ctx.deps.apiFor(scope.contextName);
  if (!scope || !api) {
    reportProblem('no Kubernetes context is selected, so there is no cluster to run a pod on. Choose one in the Pods view first.');
    return;
  }
  const created = await runPodFlow(api, scope);
  if (created && ctx.explorer) await revealPod(ctx.explorer, scope.contextName, created.namespace, created.name);
};

export const applyCommands = {
  'podscope.manifest.apply': apply(false),
  'podscope.manifest.applyDocument': apply(true),
  'podscope.manifest.create': create,
  'podscope.manifest.delete': deleteFile,
  'podscope.pods.run': run,
};
