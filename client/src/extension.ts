// activate/deactivate only: everything else hangs off Ctx.
import type * as vscode from 'vscode';
import type { PodscopeApi } from './api';
import { Ctx } from './ctx';

let ctx: Ctx | undefined;

/** Registration only: the language client and the pod explorer start once this has returned (see Ctx.register). */
export function activate(context: vscode.ExtensionContext): PodscopeApi {
  ctx = new Ctx(context);
  ctx.register();
  // Returned so integration tests await a ready API (`explorerReady`, `languageServer.ready`) instead of sleeping.
  return ctx.api();
}

export async function deactivate(): Promise<void> {
  await ctx?.dispose();
  ctx = undefined;
}
