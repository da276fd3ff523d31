// kubectl bound to one kubeconfig. The harness uses the kubectl built with the cluster (same
// version as the API server), not the older one on PATH.
import { join } from 'node:path';
import { run, runOk, type RunResult } from './run';

export interface Kubectl {
  readonly path: string;
  readonly kubeconfig: string;
  run(args: readonly string[], input?: string, timeoutMs?: number): Promise<RunResult>;
  ok(args: readonly string[], input?: string, timeoutMs?: number): Promise<string>;
  json<T>(args: readonly string[]): Promise<T>;
  apply(objects: readonly object[]): Promise<string>;
}

export function kubectlFor(binDir: string, kubeconfig: string): Kubectl {
  const path = join(binDir, 'kubectl');
  const args = (a: readonly string[]) => ['--kubeconfig', kubeconfig, ...a];
  const env = { ...process.env, KUBECONFIG: kubeconfig };
  const k: Kubectl = {
    path,
    kubeconfig,
    run: (a, input, timeoutMs = 60_000) => run(path, args(a), { input, timeoutMs, env }),
    ok: (a, input, timeoutMs = 60_000) => runOk(path, args(a), { input, timeoutMs, env }),
    json: async <T>(a: readonly string[]) => JSON.parse(await k.ok([...a, '-o', 'json'])) as T,
    apply: (objects) => k.ok(['apply', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects })),
  };
  return k;
}
