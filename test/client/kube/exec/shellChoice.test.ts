import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1Pod } from '@kubernetes/client-node';
import { podOs, podStatesOs, shellCommand } from '../../../../client/src/kube/exec/shellChoice';

const pod = (spec: V1Pod['spec']): V1Pod => ({ spec });

test('the OS comes from spec.os, then the nodeSelector, then the node label', () => {
  assert.equal(podOs(pod({ containers: [], os: { name: 'windows' } })), 'windows');
  assert.equal(podOs(pod({ containers: [], os: { name: 'linux' }, nodeSelector: { 'kubernetes.io/os': 'windows' } })), 'linux');
  assert.equal(podOs(pod({ containers: [], nodeSelector: { 'kubernetes.io/os': 'windows' } })), 'windows');
  assert.equal(podOs(pod({ containers: [] }), { 'kubernetes.io/os': 'windows' }), 'windows');
  assert.equal(podOs(pod({ containers: [] })), 'linux');
  assert.equal(podStatesOs(pod({ containers: [] })), false);
  assert.equal(podStatesOs(pod({ containers: [], nodeSelector: { 'kubernetes.io/os': 'linux' } })), true);
});

test('Linux: bash when present, else sh, decided inside one exec', () => {
  const cmd = shellCommand(undefined, 'linux');
  assert.equal(cmd[0], '/bin/sh');
  assert.equal(cmd[1], '-c');
  assert.match(cmd[2], /command -v bash/);
  assert.match(cmd[2], /exec bash/);
  assert.match(cmd[2], /exec sh/);
});

test('Windows: PowerShell when present, else cmd', () => {
  const cmd = shellCommand('', 'windows');
  assert.equal(cmd[0], 'cmd.exe');
  assert.match(cmd.at(-1)!, /where \/Q powershell\.exe/);
  assert.match(cmd.at(-1)!, /\(cmd\.exe\) else \(powershell\.exe -NoLogo\)/);
});

test('the setting wins and is split on whitespace', () => {
  assert.deepEqual(shellCommand('  bash   -l ', 'windows'), ['bash', '-l']);
  assert.deepEqual(shellCommand('/bin/ash', 'linux'), ['/bin/ash']);
});
