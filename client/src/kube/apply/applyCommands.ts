// Manifest → cluster: Apply (all documents, or the one at the cursor), Create, Delete the objects in this file, Run a
// pod, Check the pod update and Replace the pod. The flows (questions, the diff, progress, messages) are here; what they send is in this folder's modules.
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
import type { DocumentArgument } from './manifestLenses';
import { REPLACE_DETAIL, replacePod, replaceQuestion } from './replacePod';
import { REPLACE_POD_COMMAND } from './replacePodAction';
import { revealPod, runPodFlow } from './runPodFlow';
import { applyPreviews, previewApply, type ApplyPreview } from './serverSideApply';
import { targetPlaces } from './targetPlaces';

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
  /** Where objects without their own metadata.namespace go. */
  namespace: string;
  transport: ObjectTransport;
}

/** `context "dev", namespace "demo"`, for messages: where these objects go. */
function where(m: Manifest, targets: readonly ObjectTarget[]): string {
  return targetPlaces(m.contextName, targets);
}

function progress<T>(title: string, task: () => Promise<T>): Promise<T> {
  return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: titled(title) }, task));
}

/** The active editor's manifest and the tree's context; undefined (after saying why) when either is missing. */
function openManifest(ctx: ApplyCommandContext, verb: string, atCursor: boolean, offset?: number): Manifest | undefined {
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
  return {
    document: editor.document,
    cursor: offset ?? (atCursor ? editor.document.offsetAt(editor.selection.active) : undefined),
    contextName: scope.contextName,
    namespace: scope.namespace ?? 'default',
    transport: clusterObjectTransport(api),
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

/**
 * A command over the manifest's objects: the editor and context checked, the objects found (or why not said), any
 * failure reported once with what was being done.
 */
function onManifest(
  verb: string,
  doing: string,
  body: (ctx: ApplyCommandContext, m: Manifest, targets: ObjectTarget[]) => Promise<void>,
  atCursor = false,
): CommandFactory<ApplyCommandContext> {
  return (ctx) => async (arg) => {
    const offset = typeof (arg as Partial<DocumentArgument> | undefined)?.offset === 'number' ? (arg as DocumentArgument).offset : undefined;
    const m = openManifest(ctx, verb, atCursor, offset);
    if (!m) return;
    let targets: ObjectTarget[] | undefined;
    try {
      targets = await targetsOf(ctx, m, verb);
      if (targets) await body(ctx, m, targets);
    } catch (err) {
      reportFailure(`${doing} (${where(m, targets ?? [])})`, err);
    }
  };
}

/** One message after a command: what was done, and each object's refusal in the server's words. */
function reportOutcomes(m: Manifest, targets: readonly ObjectTarget[], done: string[], failed: string[]): void {
  const text = [done.join(', '), failed.join('; ')].filter((s) => s !== '').join('; ');
  if (failed.length === 0) void inform(`${text} (${where(m, targets)}).`);
  else reportProblem(`${text} (${where(m, targets)}).`);
}

const apply = (atCursor: boolean) => onManifest('apply', 'applying the manifest', async (ctx, m, targets) => {
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
  const outcomes = await progress(`applying to ${where(m, targets)}…`, () => applyPreviews(previews, m.transport, force));
  reportOutcomes(m, targets, outcomes.flatMap((o) => (o.action ? [`${o.label} ${o.action}`] : [])), outcomes.flatMap((o) => (o.error ? [`${o.label}: ${o.error}`] : [])));
}, atCursor);

/** The dry run before an apply; undefined when the server refused an object (its findings are then in Problems). */
async function dryRun(ctx: ApplyCommandContext, m: Manifest, targets: ObjectTarget[], force: boolean): Promise<ApplyPreview[] | undefined> {
  const previews = await progress(`server-side dry run of the apply on ${where(m, targets)}…`, () => previewApply(targets, m.transport, force));
  const rejected = previews.flatMap((p) => (p.rejected ? [p.rejected] : []));
  ctx.clusterDiagnostics.set(m.document, rejected);
  if (rejected.length === 0) return previews;
  const text = `the server-side dry run refused ${rejected.map((r) => r.label).join(', ')} (see Problems); nothing was applied.`;
  await offerReplace(ctx, m, previews, text);
  return undefined;
}

/** Says why nothing was applied; when a live pod cannot take the changes, offers to replace it. */
async function offerReplace(ctx: ApplyCommandContext, m: Manifest, previews: readonly ApplyPreview[], text: string): Promise<void> {
  const pods = previews.filter((p) => p.needsReplace);
  if (pods.length === 0) {
    reportProblem(text);
    return;
  }
  const choice = await vscode.window.showWarningMessage(titled(`${text} A running pod cannot take these changes; it can be replaced.`), 'Replace the Pod');
  if (choice === 'Replace the Pod') for (const p of pods) await replaceAfterConfirm(ctx, m, p.target);
}

async function replaceAfterConfirm(ctx: ApplyCommandContext, m: Manifest, target: ObjectTarget): Promise<void> {
  const yes = await vscode.window.showWarningMessage(titled(replaceQuestion(target, m.contextName)), { modal: true, detail: REPLACE_DETAIL }, 'Replace');
  if (yes !== 'Replace') return;
  await progress(`replacing ${target.label} in ${where(m, [target])}…`, () => replacePod(target, m.transport));
  ctx.clusterDiagnostics.set(m.document, []);
  void inform(`${target.label} replaced (${where(m, [target])}).`);
}

const isPod = (t: ObjectTarget) => t.kind === 'Pod' && t.request.apiVersion === 'v1';

const checkPodUpdate = onManifest('check', 'checking the pod update', async (ctx, m, targets) => {
  const pods = targets.filter(isPod);
  if (pods.length === 0) {
    reportProblem('the manifest names no Pod to check against a live one.');
    return;
  }
  // Forced: another manager's ownership does not change what a live pod can take.
  const previews = await progress(`dry run of the pod update on ${where(m, pods)}…`, () => previewApply(pods, m.transport, true));
  const rejected = previews.flatMap((p) => (p.rejected ? [p.rejected] : []));
  ctx.clusterDiagnostics.set(m.document, rejected);
  const said = previews.map((p) => `${p.target.label}: ${!p.live ? 'not in the cluster yet (Apply creates it)' : p.rejected ? 'refused (see Problems)' : p.changes.length === 0 ? 'unchanged' : `can be updated in place (${p.changes.join(', ')})`}`);
  if (rejected.length === 0) void inform(`${said.join('; ')} (${where(m, pods)}).`);
  else await offerReplace(ctx, m, previews, `${said.join('; ')}.`);
});

const replace = onManifest('replace', 'replacing the pod', async (ctx, m, targets) => {
  const pods = targets.filter(isPod);
  if (pods.length !== 1) {
    reportProblem('place the cursor in the Pod document to replace.');
    return;
  }
  await replaceAfterConfirm(ctx, m, pods[0]);
}, true);

/** Before changing existing objects: say which fields change, offer the diff; true to go on. */
async function confirmChanges(ctx: ApplyCommandContext, m: Manifest, previews: readonly ApplyPreview[]): Promise<boolean> {
  const changed = previews.filter((p) => p.live && p.changes.length > 0);
  if (changed.length === 0) return true;
  const place = where(m, changed.map((p) => p.target));
  const detail = changed.map((p) => `${p.target.label}: ${p.changes.join(', ')}`).join('\n');
  const choice = await vscode.window.showInformationMessage(
    titled(`apply changes ${changed.length === 1 ? 'an existing object' : `${changed.length} existing objects`} in ${place}.`),
    { modal: true, detail },
    'Apply',
    'Show Diff',
  );
  if (choice !== 'Show Diff') return choice === 'Apply';
  for (const p of changed) await showDiff(ctx, m, p);
  return (await inform(`review the diff, then apply ${changed.map((p) => p.target.label).join(', ')} to ${place}.`, 'Apply')) === 'Apply';
}

async function showDiff(ctx: ApplyCommandContext, m: Manifest, p: ApplyPreview): Promise<void> {
  const base = `/${m.contextName}/${p.target.request.namespace ?? '_cluster'}/${p.target.label}`;
  const live = vscode.Uri.from({ scheme: DIFF_SCHEME, path: `${base}.live.yaml` });
  const result = vscode.Uri.from({ scheme: DIFF_SCHEME, path: `${base}.applied.yaml` });
  ctx.documents.put(live, diffText(p.live));
  ctx.documents.put(result, diffText(p.result));
  await vscode.commands.executeCommand('vscode.diff', live, result, `${p.target.label}: live ↔ after apply (dry run)`, { preview: false });
}

const create = onManifest('create', 'creating the manifest\'s objects', async (ctx, m, targets) => {
  const outcomes = await progress(`creating in ${where(m, targets)}…`, () => createTargets(targets, m.transport));
  ctx.clusterDiagnostics.set(m.document, outcomes.flatMap((o) => (o.rejected ? [o.rejected] : [])));
  const created = outcomes.flatMap((o) => (o.created ? [`${o.label.split('/')[0]}/${o.created} created`] : []));
  reportOutcomes(m, targets, created, outcomes.flatMap((o) => (o.error ? [`${o.label}: ${o.error}`] : [])));
});

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

const deleteFile = onManifest('delete', 'deleting the manifest\'s objects', async (_ctx, m, targets) => {
  const grace = await chooseGrace();
  if (grace === 'cancel') return;
  const yes = await vscode.window.showWarningMessage(titled(deleteQuestion(targets, m.contextName, grace)), { modal: true }, 'Delete');
  if (yes !== 'Delete') return;
  const outcomes = await progress(`deleting from ${where(m, targets)}…`, () => deleteTargets(targets, m.transport, grace));
  reportOutcomes(m, targets, outcomes.filter((o) => !o.error).map((o) => `${o.label} deleted`), outcomes.flatMap((o) => (o.error ? [`${o.label}: ${o.error}`] : [])));
});

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
  'podscope.manifest.checkPodUpdate': checkPodUpdate,
  [REPLACE_POD_COMMAND]: replace,
};
