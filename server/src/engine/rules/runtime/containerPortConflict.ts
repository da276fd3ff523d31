import { formatPath } from '../../path';
import type { PodRule } from '../../rule';
import { podPorts, portField, portKey, rejectedPorts } from './portDecls';
import { samePortPairs } from './portOverlap';
import { describeContainer, runTogether } from './runTogether';
import { LOG_SHIPPER, WEB_CONTAINER, podExamples } from '../../exampleManifests';

// The API server's "duplicate port definition" warning also covers pairs that never overlap (a
// regular init container exits first); this rule reports just the pairs that really collide, and
// portDefinitionDuplicate reports the rest.
export const containerPortConflict: PodRule = {
  code: 'container-port-conflict',
  severity: 'warning',
  category: 'runtime',
  scope: 'pod',
  description: 'Two containers that run at the same time declare the same containerPort and protocol.',
  why: 'Containers of a pod share one network namespace: of two that run at the same time, whichever binds the port second fails with "address already in use". The API server only warns about it.',
  remediation: 'Give one of the two containers another port, or drop the declaration the container does not listen on.',
  examples: podExamples({ containers: `${WEB_CONTAINER}\n  ports:\n  - containerPort: 8080\n${LOG_SHIPPER}\n  ports:\n  - containerPort: 8080` },
      { containers: `${WEB_CONTAINER}\n  ports:\n  - containerPort: 8080\n${LOG_SHIPPER}\n  ports:\n  - containerPort: 2020` }),
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/pods/#how-pods-manage-multiple-containers',
  check(ctx) {
    const ports = podPorts(ctx);
    // Entries the API server rejects are its business; afterwards, one finding per container, at its
    // first conflicting entry (2,000 containers on one port make 1,999 findings, not 2 M).
    const done = rejectedPorts(ports);
    const reported = new Set<unknown>();
    for (const { port, other } of samePortPairs(ports)) {
      if (port.container === other.container || !runTogether(port.container, other.container)) continue;
      if (done.has(port) || reported.has(port.container)) continue;
      reported.add(port.container);
      const at = portField(port, 'containerPort', ctx.doc);
      const key = portKey(port);
      ctx.report({
        node: at.node,
        path: at.path,
        message:
          `port ${key} is also declared by ${describeContainer(other.container)} (${formatPath(other.path)}); ` +
          `containers of a pod share one network namespace and these two run at the same time, ` +
          `so whichever binds ${key} second fails with "address already in use".`,
      });
    }
  },
};
