// Compiles the extension-host suite (test/extensionHost/suite) to CommonJS for VS Code to load as
// `extensionTestsPath`: index.js plus one self-contained bundle per *.suite.ts, `vscode` left to the host.
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

export const suiteDir = path.join(__dirname, 'suite');
export const suiteWorkspace = path.join(suiteDir, 'workspace');

/** Returns the path of the compiled entry (index.js) in `outDir`. */
export async function compileSuite(outDir: string): Promise<string> {
  const entries = ['index.ts', ...readdirSync(suiteDir).filter((f) => f.endsWith('.suite.ts'))];
  await esbuild.build({
    entryPoints: entries.map((f) => path.join(suiteDir, f)),
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    // Stack traces of failed assertions then point at the .ts lines.
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return path.join(outDir, 'index.js');
}
