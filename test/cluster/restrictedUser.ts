// A second user who may get/list/watch pods and namespaces but not read logs (pods/log) or exec
// (pods/exec): proves the explorer reports Forbidden properly. Its identity is a client certificate
// signed by the cluster CA (the API server trusts that CA for client auth); RBAC does the rest.
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { ClusterLayout } from './layout';
import type { Kubectl } from './kubectl';
import { runOk } from './run';

export const RESTRICTED_USER = 'podscope-viewer';
const ROLE = 'podscope:pod-viewer';

function rbac(): object[] {
  return [
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: ROLE },
      rules: [{ apiGroups: [''], resources: ['pods', 'namespaces'], verbs: ['get', 'list', 'watch'] }],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: ROLE },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: ROLE },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: RESTRICTED_USER }],
    },
  ];
}

async function issueCertificate(layout: ClusterLayout): Promise<{ cert: string; key: string }> {
  const dir = layout.restrictedDir;
  const cert = join(dir, `${RESTRICTED_USER}.crt`);
  const key = join(dir, `${RESTRICTED_USER}.key`);
  if (existsSync(cert) && existsSync(key)) return { cert, key };
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const csr = join(dir, `${RESTRICTED_USER}.csr`);
  const ext = join(dir, 'client-ext.cnf');
  writeFileSync(ext, 'extendedKeyUsage = clientAuth\nkeyUsage = critical, digitalSignature, keyEncipherment\n');
  await runOk('openssl', ['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-subj', `/CN=${RESTRICTED_USER}/O=podscope:viewers`, '-out', csr]);
  chmodSync(key, 0o600);
  await runOk('openssl', [
    'x509', '-req', '-in', csr, '-CA', join(layout.pkiDir, 'ca.crt'), '-CAkey', join(layout.pkiDir, 'ca.key'),
    '-set_serial', `0x${randomBytes(8).toString('hex')}`, '-days', '365', '-extfile', ext, '-out', cert,
  ]);
  return { cert, key };
}

/** Writes the restricted kubeconfig (file references only, no inline secrets) and returns its path. */
export async function ensureRestrictedUser(layout: ClusterLayout, admin: Kubectl, server: string): Promise<string> {
  await admin.apply(rbac());
  const { cert, key } = await issueCertificate(layout);
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'podscope', cluster: { server, 'certificate-authority': join(layout.pkiDir, 'ca.crt') } }],
    users: [{ name: RESTRICTED_USER, user: { 'client-certificate': cert, 'client-key': key } }],
    contexts: [{ name: 'podscope-viewer', context: { cluster: 'podscope', user: RESTRICTED_USER, namespace: 'demo' } }],
    'current-context': 'podscope-viewer',
  };
  writeFileSync(layout.restrictedKubeconfig, stringify(config), { mode: 0o600 });
  return layout.restrictedKubeconfig;
}
