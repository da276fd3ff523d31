// Starts a real VS Code (code-server) with Podscope installed from its VSIX, in a throwaway profile, and a headless
// Chromium looking at it. Used by the e2e tests, the extension-host integration runner and `npm run demo`.
// Everything started here is stopped by stop(), by PID (process groups of our own children), never by name.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { editorTools, repoRoot, type EditorTools } from './editorTools';

export interface CodeServerOptions {
  /** Folder opened as the workspace. */
  workspace: string;
  /** VSIX to install; packaged from the repo (once per process) when omitted. */
  vsix?: string;
  /** Extra environment for code-server and so for the extension host (e.g. KUBECONFIG). */
  env?: Record<string, string>;
  /** User settings merged over the test defaults. */
  settings?: Record<string, unknown>;
  /** Workbench URL `payload` pairs, e.g. extensionDevelopmentPath / extensionTestsPath (see runInCodeServer.ts). */
  payload?: Array<[string, string]>;
  /** Launch Chromium and open the workbench (default true). */
  browser?: boolean;
  /** Fixed port; a free one on 127.0.0.1 otherwise. */
  port?: number;
  /** Keep the profile folder after stop() (the demo prints it). */
  keepProfile?: boolean;
  /** Keep workspace trust on (an untrusted folder opens in Restricted Mode); off by default. */
  workspaceTrust?: boolean;
  /** Runs on the fresh page before it loads the workbench, e.g. to expose `codeAutomationExit`. */
  beforeNavigate?: (page: Page) => Promise<void>;
  log?: (message: string) => void;
}

/** What a screenshot may be cut down to: one element, or a rectangle of the page in CSS pixels. */
export type ScreenshotPart = Locator | { x: number; y: number; width: number; height: number };

export interface CodeServer {
  url: string;
  port: number;
  /** PID of code-server, which leads its own process group (extension host, pty host, ... are in it). */
  pid: number;
  profileDir: string;
  logFile: string;
  /** Set when `browser` wasn't false. */
  page: Page;
  browser: Browser;
  /** Saves a PNG of the page (or only of `part`: an element or a rectangle) into test-results/ (or `dir`); returns its path. */
  screenshot(name: string, dir?: string, part?: ScreenshotPart): Promise<string>;
  stop(): Promise<void>;
}

/** Settings for a quiet, deterministic workbench: no trust prompt, telemetry, welcome page, chat or update checks. */
export const baseSettings: Record<string, unknown> = {
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'editor.hover.delay': 200,
};

export const testResultsDir = path.join(repoRoot, 'test-results');

let packaged: string | undefined;

/** Packages the current tree into a VSIX once per process (production build + vsce). */
export function packagedVsix(log: (m: string) => void = () => {}): string {
  if (packaged) return packaged;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'podscope-vsix-'));
  // Installed into each profile by copy, so the VSIX is only needed while this process runs.
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const out = path.join(dir, 'podscope.vsix');
  log(`packaging ${out}`);
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'package.mjs'), '--out', out], { cwd: repoRoot, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run package failed:\n${r.stderr}`);
  packaged = out;
  return out;
}

export async function startCodeServer(opts: CodeServerOptions): Promise<CodeServer> {
  const log = opts.log ?? (() => {});
  const available = editorTools();
  if (!available.ok) throw new Error(available.reason);
  const tools = available.tools;
  const vsix = opts.vsix ?? packagedVsix(log);

  const profileDir = mkdtempSync(path.join(os.tmpdir(), 'podscope-cs-'));
  const dirs = writeProfile(profileDir, { ...baseSettings, ...opts.settings });
  installExtension(tools, dirs, vsix, log);

  const started: { server?: ChildProcess; browser?: Browser } = {};
  const stop = async (): Promise<void> => {
    await started.browser?.close().catch(() => {});
    if (started.server) await killGroup(started.server);
    if (!opts.keepProfile) rmSync(profileDir, { recursive: true, force: true });
  };
  try {
    const port = opts.port ?? await freePort();
    const logFile = path.join(profileDir, 'code-server.log');
    started.server = launchServer(tools, dirs, port, opts, logFile);
    await waitHealthy(port, started.server, logFile);
    const url = workbenchUrl(port, opts.workspace, opts.payload);
    log(`code-server ${url}`);
    const server: CodeServer = {
      url, port, profileDir, logFile, pid: started.server.pid!,
      page: undefined as unknown as Page,
      browser: undefined as unknown as Browser,
      screenshot: (name, dir, part) => screenshot(server.page, name, dir, part),
      stop,
    };
    if (opts.browser !== false) {
      started.browser = await launchChromium(tools);
      server.browser = started.browser;
      server.page = await openWorkbench(started.browser, url, opts.beforeNavigate);
    }
    return server;
  } catch (e) {
    await stop();
    throw e;
  }
}

interface ProfileDirs { userData: string; extensions: string; config: string }

function writeProfile(profileDir: string, settings: Record<string, unknown>): ProfileDirs {
  const dirs = {
    userData: path.join(profileDir, 'data'),
    extensions: path.join(profileDir, 'extensions'),
    config: path.join(profileDir, 'config.yaml'),
  };
  mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  mkdirSync(dirs.extensions, { recursive: true });
  writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  // Our own config file, so code-server never reads or writes ~/.config/code-server/config.yaml.
  writeFileSync(dirs.config, 'auth: none\ncert: false\n');
  return dirs;
}

function baseArgs(dirs: ProfileDirs): string[] {
  return ['--config', dirs.config, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
}

function installExtension(tools: EditorTools, dirs: ProfileDirs, vsix: string, log: (m: string) => void): void {
  log(`installing ${vsix}`);
  const r = spawnSync(tools.node, [tools.codeServerEntry, ...baseArgs(dirs), '--force', '--install-extension', vsix], {
    encoding: 'utf8', env: serverEnv({}), timeout: 120_000,
  });
  const out = `${r.stdout}\n${r.stderr}`;
  if (r.status !== 0 || !/successfully installed/i.test(out)) throw new Error(`--install-extension ${vsix} failed:\n${out}`);
}

// code-server honours $PORT/$PASSWORD, and a VSCODE_IPC_HOOK_CLI (set inside a VS Code terminal) would turn it into
// a client of that other editor: none of those may leak in from the caller's shell.
function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k === 'PORT' || k === 'PASSWORD' || k === 'HASHED_PASSWORD' || k.startsWith('VSCODE_') || k.startsWith('CODE_SERVER_')) continue;
    env[k] = v;
  }
  // An empty gallery switches the Marketplace off: code-server would otherwise query open-vsx.org, which tests
  // must not depend on (and this machine cannot reach).
  return { ...env, EXTENSIONS_GALLERY: '{}', ...extra };
}

function launchServer(tools: EditorTools, dirs: ProfileDirs, port: number, opts: CodeServerOptions, logFile: string): ChildProcess {
  const args = [
    tools.codeServerEntry, ...baseArgs(dirs),
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override',
    ...(opts.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--ignore-last-opened',
    // The built workbench ignores the URL `payload` (extensionDevelopmentPath, extensionTestsPath, ...) unless the
    // smoke-test driver is on; code-server only reaches that VS Code flag through --vscode-option.
    ...(opts.payload?.length ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
  ];
  const child = spawn(tools.node, args, {
    env: serverEnv(opts.env ?? {}),
    // Own process group: stop() signals the group, which takes the extension host, pty host and watchers with it.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = createWriteStream(logFile);
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  return child;
}

async function killGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (sig: NodeJS.Signals): void => { try { process.kill(-child.pid!, sig); } catch { /* already gone */ } };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
  // The server can exit before its children; make sure the group is empty.
  signal('SIGKILL');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitHealthy(port: number, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; log: ${logFile}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer on 127.0.0.1:${port} within 60 s; log: ${logFile}`);
}

function workbenchUrl(port: number, workspace: string, payload?: Array<[string, string]>): string {
  const url = new URL(`http://127.0.0.1:${port}/`);
  url.searchParams.set('folder', path.resolve(workspace));
  if (payload?.length) url.searchParams.set('payload', JSON.stringify(payload));
  return url.toString();
}

/** The URI code-server's workbench uses for a path on the server (its remote authority is host:port). */
export function remoteUri(port: number, file: string): string {
  return `vscode-remote://127.0.0.1:${port}${path.resolve(file)}`;
}

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

export async function launchChromium(tools: EditorTools): Promise<Browser> {
  return chromium.launch({ executablePath: tools.chromium, args: CHROMIUM_ARGS, headless: true });
}

export async function openWorkbench(browser: Browser, url: string, beforeNavigate?: (page: Page) => Promise<void>): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await beforeNavigate?.(page);
  await page.goto(url);
  await waitForWorkbench(page);
  return page;
}

/** Ready = workbench rendered and the explorer listing the workspace, i.e. the remote connection works. */
export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.part.statusbar').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
}

async function screenshot(page: Page | undefined, name: string, dir = testResultsDir, part?: ScreenshotPart): Promise<string> {
  if (!page) throw new Error('no browser page to screenshot');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  if (part && 'screenshot' in part) await part.screenshot({ path: file });
  else await page.screenshot({ path: file, clip: part });
  return file;
}
