// Finds and merges the user's kubeconfig files the way kubectl does, in memory only: the explorer never writes them.
//
// Why not client-node's loadFromDefault: with several KUBECONFIG files it throws on the first duplicate cluster/user/
// context name (kubectl lets the first file win), stops at a missing file, and with no kubeconfig at all silently
// falls back to in-cluster config or http://localhost:8080, which we must report as "no kubeconfig" instead.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { KubeConfig, type Cluster, type Context, type User } from '@kubernetes/client-node';
import { withSafeCredentialPlugins } from './credentialPlugin';

export type KubeconfigOrigin = 'setting' | 'KUBECONFIG' | 'default';

export interface KubeconfigSource {
  origin: KubeconfigOrigin;
  /** Candidate files in precedence order. */
  files: string[];
}

export interface KubeconfigProblem {
  file: string;
  message: string;
}

export type KubeconfigLoad =
  /** No kubeconfig file exists where we looked. */
  | { kind: 'missing'; source: KubeconfigSource }
  /** Files were read but none could be used, or they define no context. */
  | { kind: 'unusable'; source: KubeconfigSource; problems: KubeconfigProblem[] }
  | { kind: 'loaded'; source: KubeconfigSource; kubeConfig: KubeConfig; files: string[]; problems: KubeconfigProblem[] };

export interface Environment {
  env: NodeJS.ProcessEnv;
  homeDir: string;
  delimiter: string;
}

export const processEnvironment = (): Environment => ({ env: process.env, homeDir: os.homedir(), delimiter: path.delimiter });

/**
 * Where to look: the `podscope.kubeconfig` setting if set (one path or several joined like KUBECONFIG), else
 * KUBECONFIG, else ~/.kube/config.
 */
export function kubeconfigSource(setting: string | undefined, e: Environment = processEnvironment()): KubeconfigSource {
  const split = (value: string) => value.split(e.delimiter).map((f) => f.trim()).filter((f) => f !== '').map((f) => expandHome(f, e.homeDir));
  if (setting && setting.trim() !== '') return { origin: 'setting', files: split(setting) };
  const fromEnv = e.env.KUBECONFIG;
  if (fromEnv && fromEnv.trim() !== '') return { origin: 'KUBECONFIG', files: split(fromEnv) };
  return { origin: 'default', files: [path.join(e.homeDir, '.kube', 'config')] };
}

export function loadKubeconfig(source: KubeconfigSource): KubeconfigLoad {
  const problems: KubeconfigProblem[] = [];
  const loaded: { file: string; kc: KubeConfig }[] = [];
  for (const file of source.files) {
    if (!fs.existsSync(file)) {
      // Like kubectl: missing entries of KUBECONFIG are skipped; a path the user set explicitly is worth a word.
      if (source.origin === 'setting') problems.push({ file, message: `${file}: no such file` });
      continue;
    }
    const kc = readOne(file, problems);
    if (kc) loaded.push({ file, kc });
  }
  if (loaded.length === 0) {
    return problems.length === 0 ? { kind: 'missing', source } : { kind: 'unusable', source, problems };
  }
  const kubeConfig = mergeFirstWins(loaded.map((l) => l.kc));
  if (kubeConfig.getContexts().length === 0) {
    problems.push({ file: loaded.map((l) => l.file).join(', '), message: 'The kubeconfig defines no contexts.' });
    return { kind: 'unusable', source, problems };
  }
  return { kind: 'loaded', source, kubeConfig, files: loaded.map((l) => l.file), problems };
}

/** Why a context cannot be used as it stands (a dangling cluster or user reference), or undefined if it can. */
export function contextProblem(kc: KubeConfig, contextName: string): string | undefined {
  const ctx = kc.getContextObject(contextName);
  if (!ctx) return `Context "${contextName}" is not in the kubeconfig.`;
  const cluster = kc.getCluster(ctx.cluster);
  if (!cluster) return `Context "${contextName}" refers to cluster "${ctx.cluster}", which the kubeconfig does not define (or defines without a server).`;
  if (ctx.user && !kc.getUser(ctx.user)) return `Context "${contextName}" refers to user "${ctx.user}", which the kubeconfig does not define.`;
  return undefined;
}

function readOne(file: string, problems: KubeconfigProblem[]): KubeConfig | undefined {
  try {
    const text = fs.readFileSync(file, 'utf8');
    if (text.trim() === '') return undefined;
    const kc = new KubeConfig();
    // Invalid entries (e.g. a cluster without a server) are dropped, not fatal: contextProblem() then names them.
    kc.loadFromString(text, { onInvalidEntry: 'filter' });
    kc.makePathsAbsolute(path.dirname(file));
    return kc;
  } catch (err) {
    problems.push({ file, message: `${file}: ${safeParseMessage(err)}` });
    return undefined;
  }
}

/**
 * kubectl's merge: for clusters, users and contexts the first file to define a name wins; current-context comes from
 * the first file that sets one.
 */
function mergeFirstWins(configs: KubeConfig[]): KubeConfig {
  const clusters = new Map<string, Cluster>();
  const users = new Map<string, User>();
  const contexts = new Map<string, Context>();
  let currentContext = '';
  for (const kc of configs) {
    for (const c of kc.clusters ?? []) if (!clusters.has(c.name)) clusters.set(c.name, c);
    for (const u of kc.users ?? []) if (!users.has(u.name)) users.set(u.name, u);
    for (const c of kc.contexts ?? []) if (!contexts.has(c.name)) contexts.set(c.name, c);
    if (!currentContext && kc.currentContext) currentContext = kc.currentContext;
  }
  const merged = withSafeCredentialPlugins(new KubeConfig());
  merged.loadFromOptions({
    clusters: [...clusters.values()],
    users: [...users.values()],
    contexts: [...contexts.values()],
    currentContext,
  });
  return merged;
}

/** A YAML error without the source excerpt js-yaml appends: that excerpt could quote a token or a key. */
function safeParseMessage(err: unknown): string {
  const e = err as { reason?: string; mark?: { line?: number; column?: number }; message?: string };
  if (typeof e?.reason === 'string') {
    const where = e.mark?.line !== undefined ? ` (line ${e.mark.line + 1}, column ${(e.mark.column ?? 0) + 1})` : '';
    return `invalid YAML: ${e.reason}${where}`;
  }
  if (err instanceof TypeError) return 'not a kubeconfig (expected a mapping with clusters, users and contexts)';
  return e?.message ?? String(err);
}

function expandHome(file: string, home: string): string {
  if (file === '~') return home;
  if (file.startsWith('~/') || file.startsWith('~\\')) return path.join(home, file.slice(2));
  return file;
}
