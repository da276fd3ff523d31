// Which bundled schema a document is checked against. The exact layer's choice wins when it makes one,
// so both layers always judge a document by the same Kubernetes version; without it (exact validation
// off, or not built) the schema follows the same rule on its own: the version asked for, else the
// connected cluster's, else the default.
import { minorOf } from './minor';
import { DEFAULT_SCHEMA_VERSION, schemaFor } from './schema';

/**
 * The schema version for `setting` (`auto` or a version such as `1.35`): the exact layer's minor when it
 * chose a module; else the version asked for; else, for `auto`, the cluster's minor when bundled, or
 * DEFAULT_SCHEMA_VERSION. Undefined when a version asked for by name has no bundled schema.
 */
export function chooseSchemaVersion(setting: string, clusterVersion?: string, exactMinor?: string): string | undefined {
  if (exactMinor && schemaFor(exactMinor)) return exactMinor;
  if (setting && setting !== 'auto') {
    const minor = minorOf(setting);
    return minor && schemaFor(minor) ? minor : undefined;
  }
  const clusterMinor = clusterVersion ? minorOf(clusterVersion) : undefined;
  return clusterMinor && schemaFor(clusterMinor) ? clusterMinor : DEFAULT_SCHEMA_VERSION;
}
