import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1ContainerState, V1Pod } from '@kubernetes/client-node';
import {
  debugContainerName, debugState, describeDebugState, ephemeralContainer, ephemeralPatch, parseCommand, reconnectCandidates,
} from '../../../../client/src/kube/debug/debugContainer';

interface Debugger { name: string; target?: string; stdin?: boolean; state?: V1ContainerState }

function podWith(debuggers: Debugger[]): V1Pod {
  return {
    metadata: { namespace: 'ns', name: 'web' },
    spec: {
      containers: [{ name: 'app', image: 'app:1' }, { name: 'proxy', image: 'proxy:1' }],
      ephemeralContainers: debuggers.map((d) => ({ name: d.name, image: 'busybox:1.36', targetContainerName: d.target, stdin: d.stdin ?? true, tty: true })),
    },
    status: {
      phase: 'Running',
      ephemeralContainerStatuses: debuggers.filter((d) => d.state).map((d) => ({ name: d.name, image: 'busybox:1.36', imageID: '', ready: false, restartCount: 0, state: d.state })),
    },
  };
}

const running: V1ContainerState = { running: { startedAt: new Date(0) } };
const exited: V1ContainerState = { terminated: { exitCode: 0, reason: 'Completed' } };

test('names a debugger like kubectl: debugger- and five characters of apimachinery\'s alphabet, never a name the pod has', () => {
  // The first draw spells a name the pod already uses; the second is taken.
  const draws = [...'bbbbb', ...'x2z9k'].map((ch) => 'bcdfghjklmnpqrstvwxz2456789'.indexOf(ch) / 27 + 0.001);
  const pod = podWith([{ name: 'debugger-bbbbb', state: running }]);
  assert.equal(debugContainerName(pod, () => draws.shift()!), 'debugger-x2z9k');
  assert.match(debugContainerName(pod), /^debugger-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
});

test('the ephemeral container has stdin, a TTY, the target, the command and kubectl\'s general profile', () => {
  assert.deepEqual(ephemeralContainer('debugger-abcde', { image: 'busybox:1.36', target: 'app', command: ['sh', '-l'] }), {
    name: 'debugger-abcde',
    image: 'busybox:1.36',
    stdin: true,
    tty: true,
    terminationMessagePolicy: 'File',
    securityContext: { capabilities: { add: ['SYS_PTRACE'] } },
    targetContainerName: 'app',
    command: ['sh', '-l'],
  });
  const plain = ephemeralContainer('debugger-abcde', { image: 'busybox:1.36', command: [] });
  assert.equal('targetContainerName' in plain, false, 'no target: the field is left out, not empty');
  assert.equal('command' in plain, false, 'no command: the image\'s entrypoint runs');
});

test('the strategic merge patch lists only the new container (ephemeralContainers merge by name)', () => {
  const c = ephemeralContainer('debugger-abcde', { image: 'busybox:1.36', target: 'app' });
  assert.deepEqual(JSON.parse(ephemeralPatch(c)), { spec: { ephemeralContainers: [c] } });
});

test('the command box splits on spaces and keeps quoted words whole', () => {
  assert.deepEqual(parseCommand(''), []);
  assert.deepEqual(parseCommand('  sh -c "echo a  b" \'x y\' '), ['sh', '-c', 'echo a  b', 'x y']);
  assert.deepEqual(parseCommand('printf "\\"q\\""'), ['printf', '"q"']);
});

test('states: absent, waiting, running, terminated, and a pull failure that ends the wait', () => {
  const state = (s: V1ContainerState | undefined) => debugState(podWith([{ name: 'debugger-abcde', state: s }]), 'debugger-abcde');
  assert.deepEqual(state(undefined), { kind: 'absent' });
  assert.deepEqual(state({ waiting: { reason: 'ContainerCreating' } }), { kind: 'waiting', reason: 'ContainerCreating', message: undefined });
  assert.deepEqual(state(running), { kind: 'running' });
  assert.deepEqual(state({ terminated: { exitCode: 137, reason: 'Error' } }), { kind: 'terminated', reason: 'Error', exitCode: 137, message: undefined });
  const pull = state({ waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "nope:1"' } });
  assert.deepEqual(pull, { kind: 'failed', reason: 'ImagePullBackOff', message: 'Back-off pulling image "nope:1"' });
  assert.equal(describeDebugState('debugger-abcde', pull), 'debugger-abcde cannot start: ImagePullBackOff: Back-off pulling image "nope:1"');
  assert.equal(describeDebugState('debugger-abcde', { kind: 'waiting', reason: 'ContainerCreating' }), 'debugger-abcde is waiting (ContainerCreating)…');
});

test('reconnect: running interactive debuggers are offered, those on the chosen target first; none means add without asking', () => {
  const pod = podWith([
    { name: 'debugger-old', target: 'app', state: exited },
    { name: 'debugger-prx', target: 'proxy', state: running },
    { name: 'debugger-app', target: 'app', state: running },
    { name: 'debugger-quiet', target: 'app', stdin: false, state: running },
    { name: 'debugger-new', target: 'app' },
  ]);
  assert.deepEqual(reconnectCandidates(pod, 'app').map((d) => d.name), ['debugger-app', 'debugger-prx']);
  assert.deepEqual(reconnectCandidates(pod, 'proxy').map((d) => d.name), ['debugger-prx', 'debugger-app']);
  assert.deepEqual(reconnectCandidates(podWith([{ name: 'debugger-old', target: 'app', state: exited }]), 'app'), []);
});
