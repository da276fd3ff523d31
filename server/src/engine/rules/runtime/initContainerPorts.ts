import type { PodRule } from '../../rule';
import { asSeq, getPair } from '../../yamlNodes';
import { describeContainer } from './runTogether';
import { initContainer, podExamples } from '../../exampleManifests';

// Services resolve target ports only in app containers and sidecars (k8s.io/endpointslice FindPort).
export const initContainerPorts: PodRule = {
  code: 'init-container-ports',
  severity: 'info',
  category: 'runtime',
  scope: 'pod',
  description: 'An init container that is not a sidecar declares ports that nothing can route to.',
  why: 'A regular init container runs to completion before the app containers start, and Services route only to app containers and sidecars, so its ports route nothing; usually it was meant to be a sidecar (restartPolicy: Always) or an app container.',
  remediation: 'Remove the ports from the init container, or make it a sidecar with restartPolicy: Always if it serves while the pod runs.',
  examples: podExamples(
    { spec: initContainer('migrate', 'migrate/migrate:v4.17.1', 'ports:\n- containerPort: 8080') },
    { spec: initContainer('migrate', 'migrate/migrate:v4.17.1') },
  ),
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/pods/init-containers/#differences-from-regular-containers',
  check(ctx) {
    for (const c of ctx.containers) {
      if (c.group !== 'initContainers' || c.isSidecar) continue;
      const ports = getPair(c.node, 'ports');
      if (!ports || !asSeq(ports.value, ctx.doc)?.items.length) continue;
      ctx.report({
        node: ports,
        on: 'key',
        path: [...c.path, 'ports'],
        message: `${describeContainer(c)} declares ports, but it exits before the app containers start and Services never route to init containers, ` +
          'so nothing reaches them; set restartPolicy: Always if it should keep running as a sidecar.',
      });
    }
  },
};
