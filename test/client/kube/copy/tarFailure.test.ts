// How a failed tar in the container is worded: no tar at all (runtime refusal or a shell's 126/127), tar's own error,
// and tar's routine notices left out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isNoTar, tarFailure } from '../../../../client/src/kube/copy/tarFailure';

test('no tar: the runtime cannot start it, or a shell could not find it', () => {
  const runc = 'OCI runtime exec failed: exec failed: unable to start container process: exec: "tar": executable file not found in $PATH: unknown';
  assert.equal(tarFailure({ kind: 'error', message: runc }, ''), `the container has no tar: ${runc}`);
  assert.equal(tarFailure({ kind: 'exited', exitCode: 127 }, 'sh: tar: not found\n'), 'the container has no tar: sh: tar: not found');
  assert.equal(isNoTar({ kind: 'exited', exitCode: 126 }), true);
  assert.equal(isNoTar({ kind: 'error', message: 'error executing command in container: cmd start: /bin/tar cf - /x: fork/exec /bin/tar: no such file or directory' }), true);
  assert.equal(isNoTar({ kind: 'error', message: 'exec failed: exec: "/bin/tar": stat /bin/tar: no such file or directory: unknown' }), true);
  assert.equal(isNoTar({ kind: 'exited', exitCode: 2 }), false);
  assert.equal(isNoTar({ kind: 'error', message: 'exec: "cat": executable file not found in $PATH' }), false, 'another program');
});

test('tar\'s own failure keeps its words, without its routine notices', () => {
  const stderr = "tar: Removing leading `/' from member names\ntar: /x: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\n";
  assert.equal(tarFailure({ kind: 'exited', exitCode: 2 }, stderr), 'tar failed (exit code 2): tar: /x: Cannot stat: No such file or directory');
  assert.equal(tarFailure({ kind: 'exited', exitCode: 0 }, stderr), undefined);
  assert.equal(tarFailure({ kind: 'error', message: 'the connection to the container was lost' }, ''), 'the connection to the container was lost');
});
