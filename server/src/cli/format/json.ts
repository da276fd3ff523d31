// Machine output: exactly one JSON object, `{"version":1,"files":n,"diagnostics":[...]}`.
import type { FileResult } from '../lint';

export function formatJson(results: readonly FileResult[]): string {
  const diagnostics = results.flatMap(({ file, findings }) =>
    findings.map((f) => ({
      file,
      document: f.document,
      path: f.path,
      severity: f.severity,
      code: f.code,
      message: f.message,
      range: f.range,
    })),
  );
  return `${JSON.stringify({ version: 1, files: results.length, diagnostics })}\n`;
}
