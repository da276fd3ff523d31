// Where a command's objects go, for its messages: each object's own namespace — the manifest's metadata.namespace,
// else the default the command was given (the tree's namespace, or "default" when it shows all) — or cluster-scoped.
// Taken from the requests themselves, so a message never names a namespace no object was sent to.
import type { ObjectTarget } from './manifestTargets';

/** `namespace "demo"`, `namespaces "a", "b"`, `cluster-scoped`, or both kinds joined. */
export function targetNamespaces(targets: readonly ObjectTarget[]): string {
  const namespaces = [...new Set(targets.flatMap((t) => (t.request.namespace === undefined ? [] : [t.request.namespace])))];
  const named = namespaces.length === 0 ? [] : [`${namespaces.length === 1 ? 'namespace' : 'namespaces'} ${namespaces.map((n) => `"${n}"`).join(', ')}`];
  const clusterScoped = targets.some((t) => t.request.namespace === undefined) ? ['cluster-scoped'] : [];
  return [...named, ...clusterScoped].join(', ');
}

/** `context "dev", namespace "demo"`: the context and where in it the objects go. */
export function targetPlaces(contextName: string, targets: readonly ObjectTarget[]): string {
  return [`context "${contextName}"`, targetNamespaces(targets)].filter((s) => s !== '').join(', ');
}
