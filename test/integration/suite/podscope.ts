// The installed Podscope extension, activated: tests await its API instead of sleeping until it is up.
import * as vscode from 'vscode';
import type { Ctx } from '../../../client/src/ctx';

export const EXTENSION_ID = 'podscope.podscope';

export function podscopeExtension(): vscode.Extension<Ctx> {
  const ext = vscode.extensions.getExtension<Ctx>(EXTENSION_ID);
  if (!ext) {
    const ids = vscode.extensions.all.filter((e) => !e.id.startsWith('vscode.')).map((e) => e.id);
    throw new Error(`${EXTENSION_ID} is not installed in this editor (non-builtin extensions: ${ids.join(', ') || 'none'})`);
  }
  return ext;
}

/** Activates Podscope (a no-op when it already is) and returns its Ctx. */
export function activatePodscope(): Thenable<Ctx> {
  return podscopeExtension().activate();
}
