// Where a `podscope-container:` URI points: the context, namespace, pod and container in its authority (each part
// percent-encoded and joined by "+", so a context named "admin@prod:443" survives), the container path as its path.
// No VS Code here, so it is tested as plain strings.
import type { ContainerRef } from './containerProcess';

export { CONTAINER_SCHEME } from '../fileSystemSchemes';

export interface ContainerLocation extends ContainerRef {
  contextName: string;
  /** Absolute path in the container. */
  path: string;
}

export function containerAuthority(at: Omit<ContainerLocation, 'path'>): string {
  return [at.contextName, at.namespace, at.pod, at.container].map(encodeURIComponent).join('+');
}

/** undefined when the authority is not one containerAuthority made. */
export function parseContainerLocation(authority: string, path: string): ContainerLocation | undefined {
  const parts = authority.split('+');
  if (parts.length !== 4 || parts.some((p) => p === '')) return undefined;
  const [contextName, namespace, pod, container] = parts.map(decodeURIComponent);
  return { contextName, namespace, pod, container, path: path === '' ? '/' : path };
}
