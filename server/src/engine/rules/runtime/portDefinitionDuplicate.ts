import { formatPath } from '../../path';
import type { PodRule } from '../../rule';
import { podPorts, portField, rejectedPorts } from './portDecls';
import { samePortPairs, type OverlapKind } from './portOverlap';
import { runTogether, whyApart } from './runTogether';
import { podExamples } from '../../exampleManifests';

// kube-apiserver warns (pkg/api/pod/warnings.go) about every pair of port entries with one
// containerPort/protocol. Pairs in two containers that run together are real bind conflicts and
// belong to container-port-conflict; this rule mirrors the warning for the rest: entries repeated
// inside one container, and pairs that never overlap in time (reported as info, since the warning
// the user will see on apply is harmless there).
const SAME_CONTAINER: Record<OverlapKind, string> = {
  duplicate: 'the entry repeats one already listed for this container, and the API server warns about it on every apply.',
  overlapping: 'one entry publishes a hostPort and the other does not, so the one without is redundant; the API server warns about it on every apply.',
  'dangerously ambiguous': 'both publish the same hostPort, one on every host address and one on a single hostIP, so which mapping the node applies is undefined.',
};

export const portDefinitionDuplicate: PodRule = {
  code: 'port-definition-duplicate',
  severity: 'warning',
  category: 'runtime',
  scope: 'pod',
  description: 'A containerPort/protocol is declared twice in a way the API server warns about.',
  remediation: 'Declare each containerPort and protocol once per pod, unless the containers that share it never run at the same time.',
  examples: podExamples({ container: `
      ports:
      - name: http
        containerPort: 80
      - name: web
        containerPort: 80` }, { container: `
      ports:
      - name: http
        containerPort: 80` }),
  docUrl: 'https://github.com/kubernetes/kubernetes/blob/v1.36.1/pkg/api/pod/warnings.go',
  check(ctx) {
    const ports = podPorts(ctx);
    const rejected = rejectedPorts(ports);
    // One finding per entry, with the first earlier entry the API server would warn about.
    const reported = new Set<unknown>();
    for (const { port, other, kind } of samePortPairs(ports)) {
      if (!kind || rejected.has(port) || reported.has(port)) continue;
      const sameContainer = port.container === other.container;
      if (!sameContainer && runTogether(port.container, other.container)) continue;
      reported.add(port);
      const at = portField(port, 'containerPort', ctx.doc);
      const apiWarning = `${kind} port definition with ${formatPath(other.path)}`;
      ctx.report(sameContainer
        ? { node: at.node, path: at.path, message: `${apiWarning}; ${SAME_CONTAINER[kind]}` }
        : {
          node: at.node,
          path: at.path,
          severity: 'info',
          message: `${apiWarning} (the API server warns about this, but it is harmless here: ${whyApart(port.container, other.container)}, so the two never listen at the same time).`,
        });
    }
  },
};
