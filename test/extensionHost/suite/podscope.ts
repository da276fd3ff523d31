// The installed Podscope extension, activated: tests await its API instead of sleeping until it is up.
import * as vscode from 'vscode';
import type { PodscopeApi } from '../../../client/src/api';

export const EXTENSION_ID = 'podscope.podscope';

export function podscopeExtension(): vscode.Extension<PodscopeApi> {
  const ext = vscode.extensions.getExtension<PodscopeApi>(EXTENSION_ID);
  if (!ext) {
    const ids = vscode.extensions.all.filter((e) => !e.id.startsWith('vscode.')).map((e) => e.id);
    throw new Error(`${EXTENSION_ID} is not installed in this editor (non-builtin extensions: ${ids.join(', ') || 'none'})`);
  }
  return ext;
}

/** Activates Podscope (a no-op when it already is) and returns its API. */
export function activatePodscope(): Thenable<PodscopeApi> {
  return podscopeExtension().activate();
}
