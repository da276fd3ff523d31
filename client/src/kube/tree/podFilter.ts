// The tree's filter: a pod-name pattern applied here, and a label selector the API server applies to the list+watch.

export interface PodFilter {
  /** Case-insensitive substring, or a glob when it contains * or ?. */
  name?: string;
  /** Server-side, in kubectl's `-l` syntax (app=web,tier!=cache). */
  labelSelector?: string;
}

export function podFilterMatcher(filter: PodFilter): (pod: { metadata?: { name?: string } }) => boolean {
  const pattern = filter.name?.trim();
  if (!pattern) return () => true;
  const test = nameTest(pattern);
  return (pod) => test(pod.metadata?.name ?? '');
}

/** The view header's text: `filter: app=web`, `filter: name~api`, or both. */
export function describeFilter(filter: PodFilter): string | undefined {
  const parts: string[] = [];
  if (filter.labelSelector) parts.push(filter.labelSelector);
  if (filter.name) parts.push(`name~${filter.name}`);
  return parts.length > 0 ? `filter: ${parts.join(', ')}` : undefined;
}

function nameTest(pattern: string): (name: string) => boolean {
  const lower = pattern.toLowerCase();
  if (!/[*?]/.test(lower)) return (name) => name.toLowerCase().includes(lower);
  const source = lower.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  const re = new RegExp(`^${source}$`);
  return (name) => re.test(name.toLowerCase());
}
