// Runs the CLI as a child process, from a bundle built the way esbuild.mjs builds dist/cli.js but
// into a private temp dir, so tests never race other builds of dist/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildSync } from 'esbuild';

export const ROOT = join(__dirname, '..', '..');
/** As esbuild.mjs bundles yaml: its ESM build (see there why). */
export const YAML_ALIAS = { yaml: join(ROOT, 'node_modules', 'yaml', 'browser', 'index.js') };
let bundle: string | undefined;
let bundleDir: string | undefined;

export function cliBundle(): string {
  if (!bundle) {
    bundleDir = mkdtempSync(join(tmpdir(), 'podscope-cli-test-'));
    bundle = join(bundleDir, 'cli.js');
    buildSync({ entryPoints: [join(ROOT, 'server/src/cli/main.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error', alias: YAML_ALIAS });
    process.once('exit', () => rmSync(bundleDir!, { recursive: true, force: true }));
  }
  return bundle;
}

export interface CliResult { code: number | null; stdout: string; stderr: string }

/**
 * Runs the CLI bundle. Exact validation is off unless `exact` is set: these tests pin the engine's
 * own findings, and test/cli/exact.test.ts runs the module.
 */
export function runCli(args: string[], options: { cwd?: string; exact?: boolean; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): CliResult {
  // The bundle is built into a temp dir: it finds the repository's modules through PODSCOPE_EXACT_DIR.
  const env = { ...process.env, PODSCOPE_EXACT: options.exact ? '' : 'off', PODSCOPE_EXACT_DIR: join(ROOT, 'dist', 'exact'), ...options.env };
  const r = spawnSync(process.execPath, [cliBundle(), ...args], { cwd: options.cwd ?? ROOT, encoding: 'utf8', timeout: options.timeoutMs ?? 60_000, maxBuffer: 1 << 28, env });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temp directory with the given files (relative path -> content); removed when the process exits. */
export function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'podscope-cli-ws-'));
  for (const [rel, content] of Object.entries(files)) {
    const p = join(dir, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
