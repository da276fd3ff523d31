import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { builtinKinds, KINDS_OUTPUT } from '../../../scripts/gen-kinds';

test('gen-kinds: the committed built-in kinds are what the generator derives from the installed client-node (drift guard)', () => {
  assert.equal(readFileSync(KINDS_OUTPUT, 'utf8'), `${JSON.stringify(builtinKinds(), null, 2)}\n`, 'run node --import tsx scripts/gen-kinds.ts');
});

test('gen-kinds: the core and workload groups hold the kinds users write', () => {
  const { groups } = builtinKinds();
  for (const k of ['Pod', 'Service', 'ConfigMap', 'Secret', 'Namespace', 'PodTemplate', 'ReplicationController']) assert.ok(groups['']!.includes(k), k);
  assert.deepEqual(groups.apps, ['ControllerRevision', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet']);
  assert.deepEqual(groups.batch, ['CronJob', 'Job']);
});
