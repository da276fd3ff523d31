// Runs kubeconfig `exec` credential plugins (users[].user.exec) in place of client-node's ExecAuth, which puts the
// plugin's stderr, or the first bytes of its stdout inside a JSON.parse error, into the Error it throws. Whatever a
// plugin prints can be a token, a password or its whole environment, and those errors reach tree nodes and toasts,
// so here the plugin's output is parsed and never quoted: a failure says which plugin and how it failed, and stops.
import { spawn } from 'node:child_process';
import type * as https from 'node:https';
import type { KubeConfig, User } from '@kubernetes/client-node';
import { ExecAuth } from '@kubernetes/client-node/dist/exec_auth.js';

/** A kubectl plugin may prompt or hang; a request waiting for it must not wait forever. */
export const PLUGIN_TIMEOUT_MS = 60_000;

/** Why a credential plugin gave no credential; the message names the plugin and never holds its output. */
export class CredentialPluginError extends Error {
  override readonly name = 'CredentialPluginError';
}

interface ExecConfig {
  command?: string;
  args?: string[];
  env?: { name: string; value: string }[];
}

interface Credential {
  status: { token?: string; clientCertificateData?: string; clientKeyData?: string; expirationTimestamp?: string };
}

/** client-node's Authenticator (not exported from its index). */
interface Authenticator {
  isAuthProvider(user: User): boolean;
  applyAuthentication(user: User, opts: https.RequestOptions): Promise<void>;
}

/**
 * Replaces the ExecAuth of `kc` with SafeExecAuth and guards the other built-in auth providers. client-node consults
 * its built-in authenticators before any added with addAuthenticator, so they have to be swapped, not shadowed.
 */
export function withSafeCredentialPlugins(kc: KubeConfig): KubeConfig {
  const holder = kc as unknown as { authenticators?: Authenticator[] };
  const index = holder.authenticators?.findIndex((a) => a instanceof ExecAuth) ?? -1;
  // Fail loudly if a client-node upgrade moves the list: silently keeping ExecAuth would leak plugin output again.
  if (!holder.authenticators || index < 0) throw new Error('client-node has no ExecAuth authenticator to replace');
  holder.authenticators = holder.authenticators.map((a, i) => (i === index ? new SafeExecAuth() : new QuietAuthProvider(a)));
  return kc;
}

/**
 * client-node's other providers (gcp, azure, oidc, token file). The legacy gcp and azure ones run `cmd-path` with
 * execSync, which passes the command's stderr to ours and puts its output in the error; kubectl removed both in 1.26,
 * so a `cmd-path` is refused rather than run. Any other failure is named without its details, which can quote a token
 * endpoint's answer or a file's content.
 */
class QuietAuthProvider implements Authenticator {
  constructor(private readonly inner: Authenticator) {}

  isAuthProvider(user: User): boolean {
    return this.inner.isAuthProvider(user);
  }

  async applyAuthentication(user: User, opts: https.RequestOptions): Promise<void> {
    const provider = user.authProvider?.name ?? 'token file';
    if (user.authProvider?.config?.['cmd-path']) {
      throw new CredentialPluginError(`the "${provider}" auth provider of the kubeconfig user "${user.name}" runs cmd-path, which Podscope does not run (kubectl removed this provider in 1.26); use an exec credential plugin`);
    }
    try {
      await this.inner.applyAuthentication(user, opts);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException)?.code;
      throw new CredentialPluginError(`the "${provider}" auth provider of the kubeconfig user "${user.name}" failed${typeof code === 'string' ? ` (${code})` : ''}`);
    }
  }
}

export class SafeExecAuth implements Authenticator {
  private readonly cache = new Map<string, Credential>();
  private readonly running = new Map<string, Promise<Credential>>();

  constructor(private readonly timeoutMs = PLUGIN_TIMEOUT_MS) {}

  isAuthProvider(user: User): boolean {
    return execOf(user) !== undefined;
  }

  async applyAuthentication(user: User, opts: https.RequestOptions): Promise<void> {
    const exec = execOf(user);
    if (!exec) return;
    const credential = await this.credential(user.name, exec);
    const s = credential.status;
    if (s.clientCertificateData) opts.cert = s.clientCertificateData;
    if (s.clientKeyData) opts.key = s.clientKeyData;
    if (s.token) opts.headers = { ...opts.headers, Authorization: `Bearer ${s.token}` };
  }

  private credential(userName: string, exec: ExecConfig): Promise<Credential> {
    const cached = this.cache.get(userName);
    if (cached && !expired(cached)) return Promise.resolve(cached);
    let pending = this.running.get(userName);
    if (!pending) {
      // Parallel requests (list, watch, logs) share one run of the plugin.
      pending = runPlugin(exec, this.timeoutMs).then(
        (c) => { this.cache.set(userName, c); return c; },
      ).finally(() => this.running.delete(userName));
      this.running.set(userName, pending);
    }
    return pending;
  }
}

function execOf(user: User | null | undefined): ExecConfig | undefined {
  if (!user) return undefined;
  const u = user as User & { exec?: ExecConfig; authProvider?: { name?: string; config?: { exec?: ExecConfig } } };
  return u.exec ?? u.authProvider?.config?.exec;
}

function expired(c: Credential): boolean {
  const at = c.status.expirationTimestamp;
  return at !== undefined && !(Date.parse(at) > Date.now());
}

function runPlugin(exec: ExecConfig, timeoutMs: number): Promise<Credential> {
  const command = exec.command;
  if (!command) return Promise.reject(new CredentialPluginError('the kubeconfig user\'s exec credential plugin names no command'));
  const name = `\`${command}\``;
  const env = exec.env ? { ...process.env, ...Object.fromEntries(exec.env.map((e) => [e.name, e.value])) } : process.env;
  return new Promise((resolve, reject) => {
    let stdout = '';
    let settled = false;
    const fail = (why: string) => { if (!settled) { settled = true; reject(new CredentialPluginError(`the credential plugin ${name} ${why}`)); } };
    // stdin closed: a plugin that would prompt fails at once instead of waiting for input nobody can give.
    const child = spawn(command, exec.args ?? [], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => {
      // The plugin's own children may hold the pipes open after it is killed; let go of them too.
      child.kill('SIGKILL');
      child.stdout.destroy();
      child.stderr.destroy();
      fail(`did not finish within ${timeoutMs / 1000} s`);
    }, timeoutMs);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => { stdout += d; });
    // stderr is drained (a full pipe would block the plugin) and dropped: it is where plugins log, secrets included.
    child.stderr.resume();
    child.on('error', (err: NodeJS.ErrnoException) => { clearTimeout(timer); fail(`could not be started${err.code ? ` (${err.code})` : ''}`); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal) return fail(`was stopped by ${signal}`);
      if (code !== 0) return fail(`exited with code ${code}`);
      const credential = parseCredential(stdout);
      if (!credential) return fail('did not return valid ExecCredential JSON');
      if (!settled) { settled = true; resolve(credential); }
    });
  });
}

/** An ExecCredential with a token or a client certificate and key, or undefined; never throws (a throw could quote). */
export function parseCredential(text: string): Credential | undefined {
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof obj !== 'object' || obj === null) return undefined;
  const o = obj as { kind?: unknown; status?: unknown };
  if (o.kind !== undefined && o.kind !== 'ExecCredential') return undefined;
  if (typeof o.status !== 'object' || o.status === null) return undefined;
  const s = o.status as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const status = {
    token: str(s.token),
    clientCertificateData: str(s.clientCertificateData),
    clientKeyData: str(s.clientKeyData),
    expirationTimestamp: str(s.expirationTimestamp),
  };
  const usable = status.token !== undefined || (status.clientCertificateData !== undefined && status.clientKeyData !== undefined);
  return usable ? { status } : undefined;
}
