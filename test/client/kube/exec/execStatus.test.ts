import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeOutcome, execOutcome } from '../../../../client/src/kube/exec/execStatus';

test('Success is exit code 0', () => {
  assert.deepEqual(execOutcome({ metadata: {}, status: 'Success' }), { kind: 'exited', exitCode: 0 });
});

test('NonZeroExitCode carries the code in an ExitCode cause', () => {
  const outcome = execOutcome({
    status: 'Failure',
    reason: 'NonZeroExitCode',
    message: 'command terminated with non-zero exit code: error executing command [sh -c exit 3], exit code 3',
    details: { causes: [{ reason: 'ExitCode', message: '3' }] },
  });
  assert.deepEqual(outcome, { kind: 'exited', exitCode: 3 });
  assert.equal(describeOutcome(outcome), 'command terminated with exit code 3');
});

test('an InternalError that ends with the exit status still gives the code (kwok reports failures so)', () => {
  const outcome = execOutcome({
    status: 'Failure', reason: 'InternalError', code: 500,
    message: 'Internal error occurred: error executing command in container: cmd wait: sh -c exit 3: exit status 3',
  });
  assert.deepEqual(outcome, { kind: 'exited', exitCode: 3 });
});

test('other failures keep the server message', () => {
  const outcome = execOutcome({ status: 'Failure', reason: 'InternalError', message: 'exec: "bash": executable file not found in $PATH' });
  assert.deepEqual(outcome, { kind: 'error', message: 'exec: "bash": executable file not found in $PATH' });
  assert.equal(execOutcome({ status: 'Failure', reason: 'NonZeroExitCode', message: 'odd' }).kind, 'error', 'no cause: not a code');
  assert.equal(execOutcome(undefined).kind, 'error');
});
