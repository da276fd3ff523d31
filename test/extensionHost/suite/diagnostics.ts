// Waiting for Podscope's diagnostics without sleeping: resolve on the first diagnostics change of the document
// that satisfies `accept`, fail with what was last seen once the deadline passes.
import * as vscode from 'vscode';

export const SOURCE = 'podscope';
const DEADLINE_MS = 30_000;

export function podscopeDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** The rule code of a diagnostic, whether it carries a documentation link (`{value, target}`) or not. */
export function codeOf(d: vscode.Diagnostic): string | undefined {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return code === undefined ? undefined : String(code);
}

export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  { includeCurrent = true, timeoutMs = DEADLINE_MS }: { includeCurrent?: boolean; timeoutMs?: number } = {},
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const current = podscopeDiagnostics(uri);
      if (!accept(current)) return false;
      done();
      resolve(current);
      return true;
    };
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      done();
      const seen = podscopeDiagnostics(uri).map((d) => `${codeOf(d)} ${d.message}`);
      reject(new Error(`no ${what} for ${uri.toString()} within ${timeoutMs} ms; last seen: ${JSON.stringify(seen)}`));
    }, timeoutMs);
    function done(): void {
      clearTimeout(timer);
      listener.dispose();
    }
    if (includeCurrent) check();
  });
}

export function withCode(code: string): (ds: vscode.Diagnostic[]) => boolean {
  return (ds) => ds.some((d) => codeOf(d) === code);
}

export function findCode(ds: vscode.Diagnostic[], code: string): vscode.Diagnostic {
  const d = ds.find((x) => codeOf(x) === code);
  if (!d) throw new Error(`no ${code} among ${JSON.stringify(ds.map((x) => `${codeOf(x)} ${x.message}`))}`);
  return d;
}
