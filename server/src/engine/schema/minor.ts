// Kubernetes versions by minor, the unit both the schemas and the exact modules are bundled in.
// Its own file so that modules which only name versions do not pull the schemas into their bundle.

/** `v1.36.1`, `1.36`, `v1.36.0+k3s1` → `1.36`. */
export function minorOf(version: string): string | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.|$|[-+])/.exec(version.trim());
  return m ? `${m[1]}.${m[2]}` : undefined;
}
