// activate/deactivate only: everything else hangs off Ctx.
import type * as vscode from 'vscode';
import type { PodscopeApi } from './api';
import { Ctx } from './ctx';

let ctx: Ctx | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<PodscopeApi> {
  ctx = new Ctx(context);
  await ctx.start();
  // Returned so integration tests await a ready API instead of sleeping.
  return ctx.api();
}

export async function deactivate(): Promise<void> {
  await ctx?.dispose();
  ctx = undefined;
}
