// Resource usage in the pod details document: the pod's and each container's figures with shares, from the same
// metrics as the tree (a pod the tree's filter hides included), and news whenever a context's metrics are replaced.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PodMetric } from '@kubernetes/client-node';
import { renderPodDetails } from '../../../../client/src/kube/details/podDetailsText';
import { metricsSnapshot } from '../../../../client/src/kube/metrics/podUsage';
import { usageSection } from '../../../../client/src/kube/metrics/usageSection';
import { setup } from '../fakes/fakeTree';

const metric: PodMetric = {
  metadata: { name: 'a', namespace: 'web', selfLink: '', creationTimestamp: '' },
  timestamp: '', window: '30s',
  containers: [{ name: 'app', usage: { cpu: '12m', memory: '30Mi' } }, { name: 'log', usage: { cpu: '3m', memory: '2Mi' } }],
};

test('the section lists the pod and each container, aligned, and has news when metrics are replaced', () => {
  const { model } = setup();
  model.contextNode('dev');
  const section = usageSection(model);
  const pod = {
    metadata: { name: 'a', namespace: 'web' },
    spec: { containers: [{ name: 'app', resources: { requests: { cpu: '50m' } } }, { name: 'log', resources: { requests: { cpu: '10m' } } }] },
  };
  const target = { contextName: 'dev', namespace: 'web', name: 'a', pod };
  assert.equal(section.lines(target, 0), undefined, 'no metrics, no section');

  let news = 0;
  const sub = section.onDidChange!(() => news++);
  model.setMetrics('dev', metricsSnapshot([metric]));
  assert.equal(news, 1);
  const text = renderPodDetails({ target, liveness: 'live', events: [], sections: [section], nowMs: 0 });
  assert.match(text, /\nResource Usage \(metrics\.k8s\.io\):\n {2}Pod +cpu 15m \(25% req\) · mem 32Mi\n {2}app +cpu 12m \(24% req\) · mem 30Mi\n {2}log +cpu 3m \(30% req\) · mem 2Mi\n/);
  sub.dispose();
  model.setMetrics('dev', undefined);
  assert.equal(news, 1, 'a disposed listener hears nothing');
  assert.equal(section.lines(target, 0), undefined);
});
