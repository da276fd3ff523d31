import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultRegistry, validateText } from '../engine';

export function startServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  const registry = defaultRegistry();
  connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } }));
  documents.onDidChangeContent(({ document }) => {
    const diagnostics = validateText(document.getText(), registry).map((f) => ({
      range: f.range, severity: { error: 1, warning: 2, info: 3, hint: 4 }[f.severity] as 1 | 2 | 3 | 4,
      code: f.code, source: 'podscope', message: f.path ? `${f.path}: ${f.message}` : f.message,
    }));
    void connection.sendDiagnostics({ uri: document.uri, diagnostics });
  });
  documents.listen(connection);
  connection.listen();
}
