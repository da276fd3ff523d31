// An apply conflict's Status (as kube-apiserver 1.36 sends it) becomes one line per field naming its owner.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conflictsOf, describeConflicts, isApplyConflict } from '../../../../client/src/kube/apply/fieldConflicts';

const status = {
  kind: 'Status', status: 'Failure', code: 409, reason: 'Conflict',
  message: 'Apply failed with 2 conflicts: conflicts with "ops-team" using v1:\n- .spec.containers[name="app"].image\nconflicts with "kubectl-edit" using v1:\n- .metadata.labels.tier',
  details: {
    causes: [
      { reason: 'FieldManagerConflict', message: 'conflict with "ops-team" using v1', field: '.spec.containers[name="app"].image' },
      { reason: 'FieldManagerConflict', message: 'conflict with "kubectl-edit" using v1', field: '.metadata.labels.tier' },
    ],
  },
};

test('each conflicting field with the manager that owns it', () => {
  assert.equal(isApplyConflict(status), true);
  assert.equal(isApplyConflict({ ...status, reason: 'AlreadyExists' }), false);
  assert.deepEqual(describeConflicts('Pod/web', conflictsOf(status)), [
    'Pod/web: .spec.containers[name="app"].image is owned by "ops-team"',
    'Pod/web: .metadata.labels.tier is owned by "kubectl-edit"',
  ]);
  assert.deepEqual(describeConflicts('Pod/web', conflictsOf({ ...status, details: {} })), [`Pod/web: ${status.message}`]);
});
