// Where the real editor lives: runs scripts/setup-editor.mjs (idempotent, cached outside the repo) and reads its
// JSON. A child process rather than an import because that script is plain .mjs that must run before `npm ci`.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');

export interface EditorTools {
  /** Node 24 binary that code-server runs on. */
  node: string;
  codeServerEntry: string;
  chromium: string;
  root: string;
}

export type Availability = { ok: true; tools: EditorTools } | { ok: false; reason: string };

let cached: Availability | undefined;

/** Installs code-server + Chromium if missing (first run: ~80 s), then says where they are or why they can't be had. */
export function editorTools(): Availability {
  cached ??= install();
  return cached;
}

function install(): Availability {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'setup-editor.mjs'), '--json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 15 * 60_000,
  });
  if (r.status !== 0) {
    const why = (r.stderr || r.error?.message || `exit ${r.status ?? r.signal}`).trim().split('\n').slice(-3).join(' | ');
    return { ok: false, reason: `code-server could not be installed: ${why}` };
  }
  const last = r.stdout.trim().split('\n').pop() ?? '';
  return { ok: true, tools: JSON.parse(last) as EditorTools };
}

/**
 * Skip reason for node:test, or undefined when the editor can run. A machine that should have the editor
 * (CI sets PODSCOPE_REQUIRE_EDITOR=1) fails instead of skipping, so a broken install can't pass as green.
 */
export function editorSkipReason(): string | undefined {
  const a = editorTools();
  if (a.ok) return undefined;
  if (process.env.PODSCOPE_REQUIRE_EDITOR === '1') throw new Error(a.reason);
  process.stderr.write(`skipping editor tests: ${a.reason}\n`);
  return a.reason;
}
