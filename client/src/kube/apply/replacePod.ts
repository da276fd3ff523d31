// "Replace the pod": what a live pod cannot take as an update, it gets by being deleted and created again from the
// manifest (`kubectl replace --force`). The old pod must be gone first (its name is taken until then), which lasts
// its grace period; the new one is created from the document's own text.
import { ApiRequestError } from '../cluster/apiRequest';
import { writeQuery } from '../dryRun/dryRunRequest';
import { nameOf, type ObjectTarget } from './manifestTargets';
import { isSuccess, readLive, targetCollection, targetPath, type ObjectTransport } from './objectTransport';

export interface ReplaceTiming {
  /** How long to wait for the old pod to be gone. */
  timeoutMs: number;
  pollMs: number;
}

export async function replacePod(target: ObjectTarget, transport: ObjectTransport, timing: ReplaceTiming = { timeoutMs: 120_000, pollMs: 250 }): Promise<void> {
  const path = targetPath(target);
  const old = await readLive(transport, path);
  const uid = old?.metadata?.uid;
  if (old) {
    await transport.deleteObject({ apiVersion: target.request.apiVersion, kind: 'Pod', name: nameOf(target), namespace: target.request.namespace });
    const deadline = Date.now() + timing.timeoutMs;
    for (;;) {
      const now = await readLive(transport, path);
      if (!now || now.metadata?.uid !== uid) break;
      if (Date.now() > deadline) throw new Error(`pod "${nameOf(target)}" was still terminating after ${Math.round(timing.timeoutMs / 1000)}s; it was not created again`);
      await new Promise((r) => setTimeout(r, timing.pollMs));
    }
  }
  const response = await transport.send('POST', `${targetCollection(target)}?${writeQuery('create', { dryRun: false })}`, target.request.body.text, 'application/yaml');
  if (!isSuccess(response)) throw ApiRequestError.from(response);
}

export function replaceQuestion(target: ObjectTarget, contextName: string): string {
  return `Replace pod "${nameOf(target)}" in namespace "${target.request.namespace ?? ''}" (context "${contextName}")?`;
}

export const REPLACE_DETAIL = 'A running pod cannot take these changes. Replacing deletes it and creates it again from this manifest: '
  + 'its containers restart from scratch (emptyDir data is lost), and its IP and node may change.';
