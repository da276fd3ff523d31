// The usage line: kubectl top's figures and the share of the request and the limit of the container, or of the pod.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PodMetric, V1Container, V1Pod } from '@kubernetes/client-node';
import { podUsage } from '../../../../client/src/kube/metrics/podUsage';
import { containerUsageText, podUsageShort, podUsageText } from '../../../../client/src/kube/metrics/usageText';

function metric(containers: Record<string, [cpu: string, memory: string]>): PodMetric {
  return {
    metadata: { name: 'p', namespace: 'ns', selfLink: '', creationTimestamp: '' },
    timestamp: '', window: '30s',
    containers: Object.entries(containers).map(([name, [cpu, memory]]) => ({ name, usage: { cpu, memory } })),
  };
}

function pod(containers: V1Container[], extra: Partial<NonNullable<V1Pod['spec']>> = {}): V1Pod {
  return { metadata: { name: 'p', namespace: 'ns' }, spec: { containers, ...extra } };
}

const app: V1Container = { name: 'app', resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '200m', memory: '128Mi' } } };

test('a container with requests and limits: both shares, of the figures as printed', () => {
  const usage = podUsage(metric({ app: ['12000000n', '30Mi'] }));
  assert.equal(containerUsageText(pod([app]), 'app', usage.containers.get('app')!), 'cpu 12m (24% req, 6% lim) · mem 30Mi (47% req, 23% lim)');
  // 12.0004m prints as 13m (kubectl rounds up): the share is 13m's, so the figures on screen agree.
  const over = podUsage(metric({ app: ['12000400n', '30Mi'] }));
  assert.match(containerUsageText(pod([app]), 'app', over.containers.get('app')!), /^cpu 13m \(26% req, 7% lim\)/);
});

test('no request and no limit: the figure alone; a limit alone is also the request, as the API server defaults it', () => {
  const usage = podUsage(metric({ app: ['7000000n', '10Mi'] }));
  assert.equal(containerUsageText(pod([{ name: 'app' }]), 'app', usage.containers.get('app')!), 'cpu 7m · mem 10Mi');
  const limited = pod([{ name: 'app', resources: { limits: { cpu: '100m' } } }]);
  assert.equal(containerUsageText(limited, 'app', usage.containers.get('app')!), 'cpu 7m (7% req, 7% lim) · mem 10Mi');
});

test('the pod: the exact sum, its share of the summed requests only when every reporting container has one', () => {
  const usage = podUsage(metric({ app: ['12000000n', '30Mi'], sidecar: ['8000000n', '2Mi'] }));
  const sidecar: V1Container = { name: 'sidecar', resources: { requests: { cpu: '30m', memory: '16Mi' } } };
  assert.equal(podUsageShort(usage), 'cpu 20m · mem 32Mi');
  // requests 80m / 80Mi; limits: the sidecar has none, so the pod has no limit to speak of.
  assert.equal(podUsageText(pod([app, sidecar]), usage), 'cpu 20m (25% req) · mem 32Mi (40% req)');
  assert.equal(podUsageText(pod([app, { name: 'sidecar' }]), usage), 'cpu 20m · mem 32Mi');
});

test('a native sidecar (restartable init container) counts like an app container; pod-level resources win', () => {
  const usage = podUsage(metric({ app: ['10000000n', '8Mi'], proxy: ['10000000n', '8Mi'] }));
  const proxy: V1Container = { name: 'proxy', restartPolicy: 'Always', resources: { requests: { cpu: '50m' } } };
  const withSidecar = pod([{ ...app, resources: { requests: { cpu: '50m' } } }], { initContainers: [proxy] });
  assert.equal(podUsageText(withSidecar, usage), 'cpu 20m (20% req) · mem 16Mi');
  assert.equal(containerUsageText(withSidecar, 'proxy', usage.containers.get('proxy')!), 'cpu 10m (20% req) · mem 8Mi');
  const podLevel = pod([{ name: 'app' }, { name: 'proxy' }], { resources: { requests: { cpu: '400m' }, limits: { memory: '64Mi' } } } as never);
  assert.equal(podUsageText(podLevel, usage), 'cpu 20m (5% req) · mem 16Mi (25% req, 25% lim)');
});
