// Resource names as kube-apiserver classifies them (pkg/apis/core/helper/helpers.go, 1.36) and
// validateContainerResourceName's messages (pkg/apis/core/validation/validation.go).
import { isQualifiedName } from './names';

const HUGE_PAGES_PREFIX = 'hugepages-';
const DEFAULT_NAMESPACE_PREFIX = 'kubernetes.io/';
const REQUESTS_PREFIX = 'requests.';

const STANDARD_CONTAINER = new Set(['cpu', 'memory', 'ephemeral-storage']);
const STANDARD = new Set([
  'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage',
  'limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'pods', 'quotas', 'services', 'replicationcontrollers',
  'secrets', 'configmaps', 'persistentvolumeclaims', 'storage', 'requests.storage', 'services.nodeports',
  'services.loadbalancers',
]);
const INTEGER = new Set(['pods', 'quotas', 'services', 'replicationcontrollers', 'secrets', 'configmaps', 'persistentvolumeclaims', 'services.nodeports', 'services.loadbalancers']);

export function isHugePageResourceName(name: string): boolean {
  return name.startsWith(HUGE_PAGES_PREFIX);
}

/** Unprefixed names and anything under kubernetes.io/ are native. */
export function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.includes(DEFAULT_NAMESPACE_PREFIX);
}

export function isExtendedResourceName(name: string): boolean {
  if (isNativeResource(name) || name.startsWith(REQUESTS_PREFIX)) return false;
  return isQualifiedName(`${REQUESTS_PREFIX}${name}`).length === 0;
}

/** Requests may be below limits only for native, non-hugepage resources. */
export function isOvercommitAllowed(name: string): boolean {
  return isNativeResource(name) && !isHugePageResourceName(name);
}

export function isIntegerResourceName(name: string): boolean {
  return INTEGER.has(name) || isExtendedResourceName(name);
}

function isStandardResourceName(name: string): boolean {
  return STANDARD.has(name) || name.startsWith(HUGE_PAGES_PREFIX) || name.startsWith(`${REQUESTS_PREFIX}${HUGE_PAGES_PREFIX}`);
}

/** validateContainerResourceName: every detail string the server would return for this name. */
export function containerResourceNameErrors(name: string): string[] {
  const errs = isQualifiedName(name);
  const unprefixed = name.split('/').length === 1;
  if (errs.length === 0 && unprefixed && !isStandardResourceName(name)) errs.push('must be a standard resource type or fully qualified');
  if (unprefixed) {
    if (!STANDARD_CONTAINER.has(name) && !isHugePageResourceName(name)) errs.push('must be a standard resource for containers');
  } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
    errs.push("doesn't follow extended resource name standard");
  }
  return errs;
}
