// Typed reads of Podscope's settings. Settings are declared in package.json `contributes.configuration`;
// the language server pulls `podscope.*` per document and gets exactly this shape.
import * as vscode from 'vscode';
import type { PodscopeSettings, RuleSettings } from '../../server/src/protocol';

export const SECTION = 'podscope';

export function lspSettings(scope?: vscode.Uri): PodscopeSettings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  return {
    rules: config.get<RuleSettings>('rules') ?? {},
    validate: { enable: config.get<boolean>('validate.enable') ?? true, maxFileSizeKB: config.get<number>('validate.maxFileSizeKB') ?? 4096 },
    kubernetesVersion: config.get<string>('kubernetesVersion') ?? 'auto',
    exact: {
      enable: config.get<boolean>('exact.enable') ?? true,
      featureGates: config.get<Record<string, boolean>>('exact.featureGates') ?? {},
    },
  };
}
