// Shared by the rules that mirror kube-apiserver's pod warnings (pkg/api/pod/warnings.go in
// v1.36.1): the API server prints them on every create and apply but still accepts the object.
export const WARNINGS_GO = 'https://github.com/kubernetes/kubernetes/blob/v1.36.1/pkg/api/pod/warnings.go';

/** Go's `%v` of a []string: `[a b]`. */
export function goList(items: readonly string[]): string {
  return `[${items.join(' ')}]`;
}
