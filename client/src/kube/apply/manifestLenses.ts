// Apply (and, on a Pod, Check Pod Update) above each Kubernetes object of a YAML file: the per-document entry to the
// commands whose file-wide forms sit in the editor title. Shown only while a kubeconfig is loaded and the
// `podscope.manifest.codeLens` setting is on; a document without apiVersion and kind gets none.
import * as vscode from 'vscode';
import { objectHeads } from './manifestTargets';

/** What a command receives from a lens or quick fix: an offset inside the document it is about. */
export interface DocumentArgument {
  offset: number;
}

export class ManifestLenses implements vscode.CodeLensProvider {
  constructor(private readonly shown: () => boolean) {}

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.shown()) return [];
    return objectHeads(document.getText()).flatMap((h) => {
      const at = new vscode.Range(document.positionAt(h.offset), document.positionAt(h.offset));
      const argument: DocumentArgument = { offset: h.offset };
      const lenses = [new vscode.CodeLens(at, { title: 'Apply', command: 'podscope.manifest.applyDocument', arguments: [argument] })];
      if (h.kind === 'Pod' && h.apiVersion === 'v1') {
        lenses.push(new vscode.CodeLens(at, { title: 'Check Pod Update', command: 'podscope.manifest.checkPodUpdate', arguments: [argument] }));
      }
      return lenses;
    });
  }
}

export function registerManifestLenses(shown: () => boolean): vscode.Disposable {
  return vscode.languages.registerCodeLensProvider({ language: 'yaml' }, new ManifestLenses(shown));
}
