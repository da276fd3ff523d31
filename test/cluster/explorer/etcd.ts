// The local cluster's etcd through its v3 JSON gateway, for the tests that need a real 410 Gone: after a compaction
// at the current revision, every older resourceVersion is one etcd no longer has.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The etcd the cluster in `clusterDir` (kwok's folder for it) talks to, from its kwok.yaml; undefined if not found. */
export function etcdEndpoint(clusterDir: string): string | undefined {
  const kwokYaml = path.join(clusterDir, 'kwok.yaml');
  if (!fs.existsSync(kwokYaml)) return undefined;
  return /--etcd-servers=(http:\/\/127\.0\.0\.1:\d+)/.exec(fs.readFileSync(kwokYaml, 'utf8'))?.[1];
}

/** Compacts (physically) at the current revision. */
export async function compactEtcd(endpoint: string): Promise<void> {
  const range = await fetch(`${endpoint}/v3/kv/range`, { method: 'POST', body: JSON.stringify({ key: Buffer.from('/registry/pods').toString('base64'), limit: 1, keys_only: true }) });
  const revision = ((await range.json()) as { header: { revision: string } }).header.revision;
  const res = await fetch(`${endpoint}/v3/kv/compaction`, { method: 'POST', body: JSON.stringify({ revision, physical: true }) });
  assert.equal(res.status, 200, `etcd compaction: ${await res.text()}`);
}
