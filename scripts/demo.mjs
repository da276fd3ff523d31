#!/usr/bin/env node
// `npm run demo`: Podscope in a browser VS Code (code-server) on 127.0.0.1, with sample manifests (demo/workspace)
// and the local test cluster in the pod explorer. Ctrl-C stops everything this script started.
//
//   npm run demo                                  start the local cluster (or reuse the running one)
//   npm run demo -- --kubeconfig ~/.kube/config   use that kubeconfig; never start or stop a cluster
//   KUBECONFIG=... npm run demo                   same
//   npm run demo -- --port 8080                   fixed port (default: a free one)
//   npm run demo -- --exit-after-ready            start, print the URL, check it answers, shut down (for tests)
//
// Only Node's standard library at the top level: this runs on a fresh clone, before `npm ci`.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { clusterDown, clusterRunning, clusterUp } from './cluster.mjs';
import { withoutNpmVariables } from './setup-editor.mjs';

// Every npm this script starts (npm ci, cluster:up, setup:editor's installs) sees a user's environment, not the
// `npm_*` variables of the npm that started this script: a nested npm reuses them as its own (see setup-editor.mjs).
process.env = withoutNpmVariables(process.env);

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const say = (m) => process.stderr.write(`[demo] ${m}\n`);

function parseArgs(argv) {
  const opts = { exitAfterReady: false, kubeconfig: undefined, port: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (!v) throw new Error(`${a.split('=')[0]} needs a value`);
      return v;
    };
    if (a === '--exit-after-ready') opts.exitAfterReady = true;
    else if (a === '--kubeconfig' || a.startsWith('--kubeconfig=')) opts.kubeconfig = resolve(value());
    else if (a === '--port' || a.startsWith('--port=')) {
      opts.port = Number(value());
      if (!Number.isInteger(opts.port) || opts.port < 1 || opts.port > 65535) throw new Error(`--port must be 1..65535, got ${opts.port}`);
    } else if (a === '-h' || a === '--help') {
      process.stdout.write('usage: npm run demo [-- --kubeconfig PATH] [--port N] [--exit-after-ready]\n');
      process.exit(0);
    } else throw new Error(`unknown option ${a} (try --help)`);
  }
  return opts;
}

function run(cmd, args, what) {
  say(what);
  // Children's stdout goes to our stderr: stdout carries only the demo's URL lines and banner.
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 2, 'inherit'] });
  if (r.status !== 0) throw new Error(`${what} failed (${[cmd, ...args].join(' ')} exited with ${r.status ?? r.signal})`);
}

/** The kubeconfig the pod explorer gets, and whether this script started the cluster (and so must stop it). */
function kubeconfigFor(opts) {
  if (opts.kubeconfig) {
    if (!existsSync(opts.kubeconfig)) throw new Error(`--kubeconfig ${opts.kubeconfig}: no such file`);
    return { kubeconfig: opts.kubeconfig, startedCluster: false, local: false };
  }
  if (process.env.KUBECONFIG) return { kubeconfig: process.env.KUBECONFIG, startedCluster: false, local: false };
  const wasRunning = clusterRunning(root);
  say(wasRunning ? 'local cluster is running: reusing it' : 'starting the local cluster (npm run cluster:up)');
  // Reusing a cluster must not take it over: whoever started it (a test run, the user) stays the one to stop it.
  const up = clusterUp(root, { claim: false, stderr: 'inherit' });
  if (up.unavailable) {
    say('the local cluster cannot run on this machine (see above); the pod explorer will have no cluster, validation works regardless');
    return { kubeconfig: undefined, startedCluster: false, local: false };
  }
  if (!up.kubeconfig) throw new Error(`npm run cluster:up: ${up.failed}`);
  return { kubeconfig: up.kubeconfig, startedCluster: !wasRunning, local: true };
}

function banner(url, cluster) {
  const rule = '─'.repeat(Math.max(60, url.length + 4));
  const tips = [
    'Open worker-pod.yaml for squiggles, hovers and quick fixes (Ctrl+.).',
    ...(cluster.kubeconfig ? ['The Podscope icon in the activity bar shows the cluster\'s pods; its { } button picks a namespace.'] : []),
    ...(cluster.local ? ['The local cluster\'s pods live in demo, batch and staging: choose "All namespaces".'] : []),
  ];
  process.stdout.write(`\n${rule}\n  Podscope demo is running. Open this in your browser:\n\n  ${url}\n\n${tips.map((t) => `  ${t}\n`).join('')}\n  Press Ctrl-C to stop.\n${rule}\n\n`);
}

async function answers(url) {
  const res = await fetch(url);
  await res.arrayBuffer();
  return res.status;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const started = Date.now();
  if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) run('npm', ['ci'], 'installing dependencies (npm ci)');
  run(process.execPath, [join(root, 'scripts', 'setup-editor.mjs')], 'checking the editor (code-server + Chromium)');
  const vsixDir = mkdtempSync(join(tmpdir(), 'podscope-demo-vsix-'));
  const vsix = join(vsixDir, 'podscope.vsix');
  run(process.execPath, [join(root, 'scripts', 'package.mjs'), '--out', vsix], 'building and packaging Podscope');

  // The TypeScript launcher shared with the e2e tests; tsx exists now that dependencies are installed.
  const { require: tsRequire } = await import('tsx/cjs/api');
  const { startCodeServer } = tsRequire('../test/e2e/codeServer.ts', import.meta.url);

  const cluster = kubeconfigFor(opts);
  const workspaceDir = mkdtempSync(join(tmpdir(), 'podscope-demo-'));
  const workspace = join(workspaceDir, 'workspace');
  cpSync(join(root, 'demo', 'workspace'), workspace, { recursive: true });

  let starting;
  let stopping;
  const shutdown = (why) => (stopping ??= (async () => {
    say(`${why}: stopping`);
    // A signal during start-up waits for code-server to be up, so that it can be stopped by its PID.
    const server = await starting?.catch(() => undefined);
    await server?.stop().catch((e) => say(`stopping code-server: ${e.message}`));
    if (cluster.startedCluster) {
      const status = clusterDown(root);
      if (status !== 0) say(`npm run cluster:down exited with ${status}`);
    }
    rmSync(workspaceDir, { recursive: true, force: true });
    rmSync(vsixDir, { recursive: true, force: true });
    say('stopped');
  })());
  // `on`, not `once`: Ctrl-C under npm arrives twice (from the terminal and from npm), and a second default
  // SIGINT would kill this process mid-shutdown and orphan code-server.
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => { shutdown(sig).then(() => process.exit(0)); });

  let cs;
  try {
    cs = await (starting = startCodeServer({
      workspace,
      vsix,
      port: opts.port,
      browser: false,
      ...(cluster.kubeconfig ? { env: { KUBECONFIG: cluster.kubeconfig } } : {}),
      log: (m) => say(m),
    }));
  } catch (e) {
    await shutdown('start failed');
    throw e;
  }
  if (stopping) return;
  // Machine-readable lines first (tests parse them), then the banner for people.
  process.stdout.write(`PODSCOPE_DEMO_URL=${cs.url}\nPODSCOPE_DEMO_PID=${cs.pid}\nPODSCOPE_DEMO_PROFILE=${cs.profileDir}\n`);
  if (cluster.kubeconfig) say(`pod explorer uses KUBECONFIG=${cluster.kubeconfig}${cluster.startedCluster ? ' (cluster started by this demo; stopped on exit)' : ''}`);
  say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s; workspace: ${workspace}`);
  banner(cs.url, cluster);

  if (opts.exitAfterReady) {
    const status = await answers(cs.url);
    say(`${cs.url} answered HTTP ${status}`);
    await shutdown('--exit-after-ready');
    process.exit(status === 200 ? 0 : 1);
  }
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  main().catch((e) => {
    say(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
