// Cases 1-24 and the restartable-init cases are kubernetes v1.36.1's own TestPrintPod /
// TestPrintPodWithRestartableInitContainer (pkg/printers/internalversion/printers_test.go), translated to v1 JSON;
// the rest cover the states the explorer colours (CrashLoopBackOff, OOMKilled, Evicted, NodeLost, ...).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1ContainerStatus, V1Pod, V1PodStatus } from '@kubernetes/client-node';
import { ageColumn, humanDuration, readyColumn, restartsColumn, summarizePod } from '../../../../client/src/kube/pod/podStatus';

const NOW = Date.parse('2026-07-01T12:00:00Z');
const ago = (ms: number): Date => new Date(NOW - ms);
const S = 1000, M = 60 * S, H = 60 * M, D = 24 * H;

function pod(p: {
  name?: string; containers?: number; init?: number | { name: string; sidecar?: boolean }[]; status: V1PodStatus;
  deletion?: boolean;
}): V1Pod {
  const init = typeof p.init === 'number'
    ? Array.from({ length: p.init }, (_, i) => ({ name: `init${i}` }))
    : (p.init ?? []).map((c) => ({ name: c.name, restartPolicy: c.sidecar ? 'Always' : undefined }));
  return {
    metadata: { name: p.name ?? 'p', deletionTimestamp: p.deletion ? ago(10 * S) : undefined },
    spec: {
      initContainers: init.map((c) => ({ ...c, image: 'i' })),
      containers: Array.from({ length: p.containers ?? 1 }, (_, i) => ({ name: `c${i}`, image: 'i' })),
    },
    status: p.status,
  };
}

const running = { running: {} };
const waiting = (reason?: string) => ({ waiting: { reason } });
const terminated = (exitCode: number, reason?: string, signal?: number) => ({ terminated: { exitCode, reason, signal } });
const lastTerm = (finished: Date) => ({ terminated: { exitCode: 1, finishedAt: finished } });
const cs = (s: Partial<V1ContainerStatus>): V1ContainerStatus => ({ name: '', image: 'i', imageID: '', ready: false, restartCount: 0, ...s });

/** [ready, status, restarts] as kubectl prints them. */
function columns(p: V1Pod): [string, string, string] {
  const s = summarizePod(p);
  return [readyColumn(s), s.status, restartsColumn(s, NOW)];
}

const kubernetesCases: [string, V1Pod, [string, string, string]][] = [
  ['test1 name, containers, restarts, ready', pod({ containers: 2, status: { phase: 'podPhase', containerStatuses: [
    cs({ ready: true, restartCount: 3, state: running }), cs({ restartCount: 3 })] } }), ['1/2', 'podPhase', '6']],
  ['test2 container error overwrites pod phase', pod({ containers: 2, status: { phase: 'podPhase', containerStatuses: [
    cs({ ready: true, restartCount: 3, state: running }), cs({ state: waiting('ContainerWaitingReason'), restartCount: 3 })] } }),
  ['1/2', 'ContainerWaitingReason', '6']],
  ['test3 the first container overwrites the rest', pod({ containers: 2, status: { phase: 'podPhase', containerStatuses: [
    cs({ state: waiting('ContainerWaitingReason'), restartCount: 3 }),
    cs({ state: terminated(0, 'ContainerTerminatedReason'), restartCount: 3 })] } }), ['0/2', 'ContainerWaitingReason', '6']],
  ['test4 ready is not enough for running', pod({ containers: 2, status: { phase: 'podPhase', containerStatuses: [
    cs({ ready: true, restartCount: 3, state: running }), cs({ ready: true, restartCount: 3 })] } }), ['1/2', 'podPhase', '6']],
  ['test5 pod reason beats phase', pod({ containers: 2, status: { reason: 'podReason', phase: 'podPhase', containerStatuses: [
    cs({ ready: true, restartCount: 3, state: running }), cs({ ready: true, restartCount: 3 })] } }), ['1/2', 'podReason', '6']],
  ['test6 running + completed, no Ready condition', pod({ containers: 2, status: { phase: 'Running', containerStatuses: [
    cs({ ready: true, restartCount: 3, state: terminated(0, 'Completed') }), cs({ ready: true, restartCount: 3, state: running })] } }),
  ['1/2', 'NotReady', '6']],
  ['test6b running + completed, Ready condition', pod({ containers: 2, status: { phase: 'Running',
    conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [
      cs({ ready: true, restartCount: 3, state: terminated(0, 'Completed') }), cs({ ready: true, restartCount: 3, state: running })] } }),
  ['1/2', 'Running', '6']],
  ['test7 init container restarting', pod({ init: 1, status: { phase: 'podPhase',
    initContainerStatuses: [cs({ restartCount: 3, state: running, lastState: lastTerm(ago(10 * S)) })],
    containerStatuses: [cs({ state: { waiting: {} } })] } }), ['0/1', 'Init:0/1', '3 (10s ago)']],
  ['test8 two init, first restarting', pod({ init: 2, status: { phase: 'podPhase',
    initContainerStatuses: [cs({ restartCount: 3, state: running, lastState: lastTerm(ago(10 * S)) }), cs({ state: { waiting: {} } })],
    containerStatuses: [cs({ state: { waiting: {} } })] } }), ['0/1', 'Init:0/2', '3 (10s ago)']],
  ['test9 first init done, second restarting', pod({ init: 2, status: { phase: 'podPhase',
    initContainerStatuses: [cs({ state: terminated(0) }), cs({ restartCount: 3, state: running, lastState: lastTerm(ago(10 * S)) })],
    containerStatuses: [cs({ state: { waiting: {} } })] } }), ['0/1', 'Init:1/2', '3 (10s ago)']],
  ['test10 first init done with restarts', pod({ init: 2, status: { phase: 'podPhase',
    initContainerStatuses: [
      cs({ restartCount: 2, state: terminated(0), lastState: lastTerm(ago(2 * M)) }),
      cs({ restartCount: 3, state: running, lastState: lastTerm(ago(10 * S)) })],
    containerStatuses: [cs({ state: { waiting: {} } })] } }), ['0/1', 'Init:1/2', '5 (10s ago)']],
  ['test11 init done, app restarting: init restarts not counted', pod({ init: 1, status: { phase: 'Running',
    initContainerStatuses: [cs({ restartCount: 2, state: terminated(0), lastState: lastTerm(ago(2 * M)) })],
    containerStatuses: [cs({ restartCount: 4, state: running, lastState: lastTerm(ago(20 * S)) })] } }),
  ['0/1', 'Running', '4 (20s ago)']],
  ['test12 restarted 5d ago', pod({ status: { phase: 'Running', containerStatuses: [
    cs({ ready: true, restartCount: 3, state: running, lastState: lastTerm(ago(5 * D)) })] } }), ['1/1', 'Running', '3 (5d ago)']],
  ['test13 one never restarted, other 10d ago', pod({ containers: 2, status: { phase: 'Running', containerStatuses: [
    cs({ ready: true, state: running }), cs({ ready: true, restartCount: 3, state: running, lastState: lastTerm(ago(10 * D)) })] } }),
  ['2/2', 'Running', '3 (10d ago)']],
  ['test14 the latest restart wins', pod({ containers: 2, status: { phase: 'Running', containerStatuses: [
    cs({ ready: true, restartCount: 6, state: running, lastState: lastTerm(ago(5 * D)) }),
    cs({ ready: true, restartCount: 3, state: running, lastState: lastTerm(ago(20 * D)) })] } }), ['2/2', 'Running', '9 (5d ago)']],
  ['test15 SchedulingGated', pod({ containers: 2, status: { phase: 'podPhase',
    conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] } }), ['0/2', 'SchedulingGated', '0']],
  ['test16 succeeded', pod({ status: { phase: 'Succeeded', containerStatuses: [cs({ state: terminated(0, 'Completed') })] } }),
    ['0/1', 'Completed', '0']],
  ['test17 failed', pod({ status: { phase: 'Failed', containerStatuses: [cs({ state: terminated(1, 'Error') })] } }),
    ['0/1', 'Error', '0']],
  ['test18 succeeded + deletion stays Completed', pod({ deletion: true, status: { phase: 'Succeeded',
    containerStatuses: [cs({ state: terminated(0, 'Completed') })] } }), ['0/1', 'Completed', '0']],
  ['test19 running + deletion = Terminating', pod({ deletion: true, status: { phase: 'Running',
    containerStatuses: [cs({ state: running })] } }), ['0/1', 'Terminating', '0']],
  ['test20 pending + deletion = Terminating', pod({ deletion: true, status: { phase: 'Pending' } }), ['0/1', 'Terminating', '0']],
  ['test21 error then running (#107713)', pod({ containers: 2, status: { phase: 'Failed', containerStatuses: [
    cs({ state: terminated(1, 'podCrash') }), cs({ ready: true, state: running })] } }), ['1/2', 'podCrash', '0']],
  ['test22 running then error', pod({ containers: 2, status: { phase: 'Failed', containerStatuses: [
    cs({ ready: true, state: running }), cs({ state: terminated(1, 'podCrash') })] } }), ['1/2', 'podCrash', '0']],
  ['test23 running/error/exit 0 (ready)', pod({ containers: 3, status: { phase: 'Failed', containerStatuses: [
    cs({ ready: true, state: running }), cs({ ready: true, state: terminated(1, 'podCrash') }), cs({ ready: true, state: terminated(0) })] } }),
  ['1/3', 'podCrash', '0']],
  ['test24 running/error/exit 0 (not ready)', pod({ containers: 3, status: { phase: 'Failed', containerStatuses: [
    cs({ state: running }), cs({ state: terminated(1, 'podCrash') }), cs({ state: terminated(0) })] } }), ['0/3', 'podCrash', '0']],
];

const sidecars = [{ name: 'restartable-init-1', sidecar: true }, { name: 'restartable-init-2', sidecar: true }];
const restartableCases: [string, V1Pod, [string, string, string]][] = [
  ['sidecar running but not started', pod({ init: sidecars, status: { phase: 'Pending',
    initContainerStatuses: [
      cs({ name: 'restartable-init-1', restartCount: 3, state: running, started: false, lastState: lastTerm(ago(10 * S)) }),
      cs({ name: 'restartable-init-2', state: { waiting: {} }, started: false })],
    containerStatuses: [cs({ state: { waiting: {} } })], conditions: [{ type: 'Initialized', status: 'False' }] } }),
  ['0/3', 'Init:0/2', '3 (10s ago)']],
  ['first sidecar started, second not', pod({ init: sidecars, status: { phase: 'Pending',
    initContainerStatuses: [
      cs({ name: 'restartable-init-1', restartCount: 3, state: running, started: true, lastState: lastTerm(ago(10 * S)) }),
      cs({ name: 'restartable-init-2', state: running, started: false })],
    containerStatuses: [cs({ state: { waiting: {} } })], conditions: [{ type: 'Initialized', status: 'False' }] } }),
  ['0/3', 'Init:1/2', '3 (10s ago)']],
  ['both sidecars started, app running', pod({ init: sidecars, status: { phase: 'Running',
    initContainerStatuses: [
      cs({ name: 'restartable-init-1', restartCount: 3, state: running, started: true, lastState: lastTerm(ago(10 * S)) }),
      cs({ name: 'restartable-init-2', state: running, started: true })],
    containerStatuses: [cs({ ready: true, restartCount: 4, state: running, lastState: lastTerm(ago(20 * S)) })],
    conditions: [{ type: 'Initialized', status: 'True' }] } }), ['1/3', 'Running', '7 (10s ago)']],
  ['sidecars exited non-zero, app completed', pod({ init: sidecars, status: { phase: 'Succeeded',
    initContainerStatuses: [
      cs({ name: 'restartable-init-1', restartCount: 3, state: terminated(137, 'Error'), started: false, lastState: lastTerm(ago(10 * S)) }),
      cs({ name: 'restartable-init-2', state: terminated(137, 'Error'), started: false })],
    containerStatuses: [cs({ restartCount: 4, state: terminated(0, 'Completed'), lastState: lastTerm(ago(20 * S)) })],
    conditions: [{ type: 'Initialized', status: 'True' }] } }), ['0/3', 'Completed', '7 (10s ago)']],
  ['statuses for containers not in the spec', {
    metadata: { name: 'test4' },
    spec: {
      initContainers: [{ name: 'init1', image: 'i' }, { name: 'sidecar1', image: 'i', restartPolicy: 'Always' }],
      containers: [{ name: 'container1', image: 'i' }],
    },
    status: { phase: 'Running',
      initContainerStatuses: [cs({ name: 'initinvalid' }), cs({ name: 'init1' }), cs({ name: 'sidecar1' })],
      containerStatuses: [cs({ name: 'containerinvalid' }), cs({ name: 'container1' })] },
  }, ['0/2', 'Init:0/2', '0']],
];

const explorerStates: [string, V1Pod, [string, string, string]][] = [
  ['ContainerCreating', pod({ status: { phase: 'Pending', containerStatuses: [cs({ state: waiting('ContainerCreating') })] } }),
    ['0/1', 'ContainerCreating', '0']],
  ['Pending, not scheduled', pod({ status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }] } }),
    ['0/1', 'Pending', '0']],
  ['CrashLoopBackOff', pod({ status: { phase: 'Running', containerStatuses: [
    cs({ restartCount: 5, state: waiting('CrashLoopBackOff'), lastState: lastTerm(ago(90 * S)) })] } }), ['0/1', 'CrashLoopBackOff', '5 (90s ago)']],
  ['ImagePullBackOff', pod({ status: { phase: 'Pending', containerStatuses: [cs({ state: waiting('ImagePullBackOff') })] } }),
    ['0/1', 'ImagePullBackOff', '0']],
  ['ErrImagePull', pod({ status: { phase: 'Pending', containerStatuses: [cs({ state: waiting('ErrImagePull') })] } }),
    ['0/1', 'ErrImagePull', '0']],
  ['OOMKilled', pod({ status: { phase: 'Running', containerStatuses: [cs({ restartCount: 1, state: terminated(137, 'OOMKilled') })] } }),
    ['0/1', 'OOMKilled', '1']],
  ['terminated without reason: exit code', pod({ status: { phase: 'Failed', containerStatuses: [cs({ state: terminated(3) })] } }),
    ['0/1', 'ExitCode:3', '0']],
  ['terminated without reason: signal', pod({ status: { phase: 'Failed', containerStatuses: [cs({ state: terminated(137, undefined, 9) })] } }),
    ['0/1', 'Signal:9', '0']],
  ['Evicted', pod({ status: { phase: 'Failed', reason: 'Evicted', message: 'The node was low on resource: memory.' } }),
    ['0/1', 'Evicted', '0']],
  ['NodeLost while deleting = Unknown', pod({ deletion: true, status: { phase: 'Running', reason: 'NodeLost',
    containerStatuses: [cs({ ready: true, state: running })] } }), ['1/1', 'Unknown', '0']],
  ['NodeLost without deletion keeps the reason', pod({ status: { phase: 'Running', reason: 'NodeLost' } }), ['0/1', 'NodeLost', '0']],
  ['failed + deletion keeps Error', pod({ deletion: true, status: { phase: 'Failed', containerStatuses: [cs({ state: terminated(1, 'Error') })] } }),
    ['0/1', 'Error', '0']],
  ['Init:CrashLoopBackOff', pod({ init: 1, status: { phase: 'Pending', initContainerStatuses: [cs({ restartCount: 2, state: waiting('CrashLoopBackOff') })] } }),
    ['0/1', 'Init:CrashLoopBackOff', '2']],
  ['Init:Error', pod({ init: 1, status: { phase: 'Pending', initContainerStatuses: [cs({ state: terminated(1, 'Error') })] } }),
    ['0/1', 'Init:Error', '0']],
  ['Init:ExitCode', pod({ init: 1, status: { phase: 'Pending', initContainerStatuses: [cs({ state: terminated(2) })] } }),
    ['0/1', 'Init:ExitCode:2', '0']],
  ['Init:Signal', pod({ init: 1, status: { phase: 'Pending', initContainerStatuses: [cs({ state: terminated(1, '', 15) })] } }),
    ['0/1', 'Init:Signal:15', '0']],
  ['PodInitializing waiting reason counts as n/m', pod({ init: 2, status: { phase: 'Pending',
    initContainerStatuses: [cs({ state: terminated(0, 'Completed') }), cs({ state: waiting('PodInitializing') })] } }), ['0/1', 'Init:1/2', '0']],
  ['all init done, app still creating', pod({ init: 1, status: { phase: 'Pending',
    initContainerStatuses: [cs({ state: terminated(0, 'Completed') })], containerStatuses: [cs({ state: waiting('PodInitializing') })] } }),
  ['0/1', 'PodInitializing', '0']],
  ['no status at all', { metadata: { name: 'x' }, spec: { containers: [{ name: 'c' }] } }, ['0/1', '', '0']],
];

for (const [name, p, expected] of [...kubernetesCases, ...restartableCases, ...explorerStates]) {
  test(`kubectl columns: ${name}`, () => assert.deepEqual(columns(p), expected));
}

test('timestamps from raw watch JSON (strings) count like typed Dates', () => {
  const p = pod({ status: { phase: 'Running', containerStatuses: [
    cs({ ready: true, restartCount: 2, state: running, lastState: { terminated: { exitCode: 1, finishedAt: new Date(NOW - 3 * M).toISOString() as unknown as Date } } })] } });
  p.metadata!.creationTimestamp = new Date(NOW - 49 * H).toISOString() as unknown as Date;
  const s = summarizePod(p);
  assert.equal(restartsColumn(s, NOW), '2 (3m ago)');
  assert.equal(ageColumn(s, NOW), '2d1h');
});

test('AGE is <unknown> without a creationTimestamp', () => {
  assert.equal(ageColumn(summarizePod(pod({ status: {} })), NOW), '<unknown>');
});

test('restarts without a finishedAt print the bare count', () => {
  const s = summarizePod(pod({ status: { phase: 'Running', containerStatuses: [cs({ restartCount: 4, state: running })] } }));
  assert.equal(restartsColumn(s, NOW), '4');
});

// apimachinery duration_test.go TestHumanDuration + TestHumanDurationBoundaries.
const durations: [number, string][] = [
  [S, '1s'], [70 * S, '70s'], [190 * S, '3m10s'], [70 * M, '70m'], [47 * H, '47h'], [49 * H, '2d1h'],
  [(8 * 24 + 2) * H, '8d'], [367 * D, '367d'], [(365 * 2 * 24 + 25) * H, '2y1d'], [(365 * 8 * 24 + 2) * H, '8y'],
  [-2 * S, '<invalid>'], [-2 * S + 1, '0s'], [0, '0s'], [S - 1, '0s'], [2 * M - 1, '119s'], [2 * M, '2m'], [2 * M + S, '2m1s'],
  [10 * M - 1, '9m59s'], [10 * M, '10m'], [10 * M + S, '10m'], [3 * H - 1, '179m'], [3 * H, '3h'], [3 * H + M, '3h1m'],
  [8 * H - 1, '7h59m'], [8 * H, '8h'], [8 * H + 59 * M, '8h'], [2 * D - 1, '47h'], [2 * D, '2d'], [2 * D + H, '2d1h'],
  [8 * D - 1, '7d23h'], [8 * D, '8d'], [8 * D + 23 * H, '8d'], [2 * 365 * D - 1, '729d'], [2 * 365 * D, '2y'],
  [2 * 365 * D + 23 * H, '2y'], [2 * 365 * D + 24 * H - 1, '2y'], [2 * 365 * D + 24 * H, '2y1d'], [3 * 365 * D, '3y'],
  [7 * 365 * D, '7y'], [8 * 365 * D - 1, '7y364d'], [8 * 365 * D, '8y'], [8 * 365 * D + 364 * D, '8y'], [9 * 365 * D, '9y'],
];
for (const [ms, want] of durations) {
  test(`humanDuration(${ms}ms) = ${want}`, () => assert.equal(humanDuration(ms), want));
}
