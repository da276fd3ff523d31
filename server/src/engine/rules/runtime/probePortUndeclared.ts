import type { PodRule } from '../../rule';
import { handlerLabel, handlerPorts } from './handlerPorts';
import { podPorts } from './portDecls';
import { podExamples } from '../../exampleManifests';

export const probePortUndeclared: PodRule = {
  code: 'probe-port-undeclared',
  severity: 'info',
  category: 'runtime',
  scope: 'pod',
  description: 'A probe or lifecycle handler uses a port number that no container of the pod declares.',
  why: 'A numeric port works without a declaration (a container\'s ports are informational), but declaring it documents the pod\'s surface and lets probes and Services refer to it by name; hence only a hint.',
  remediation: 'Declare the port in the container\'s ports (and refer to it by name).',
  examples: podExamples({ container: `
      readinessProbe:
        httpGet: {path: /, port: 80}` }, { container: `
      ports:
      - name: http
        containerPort: 80
      readinessProbe:
        httpGet: {path: /, port: http}` }),
  docUrl: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#use-a-named-port',
  check(ctx) {
    const declared = new Set(podPorts(ctx).map((p) => p.containerPort));
    for (const h of handlerPorts(ctx.containers, ctx.doc)) {
      if (typeof h.value !== 'number' || h.hasHost || declared.has(h.value)) continue;
      // Out-of-range numbers are rejected by the API server (handler-invalid); saying more adds noise.
      if (!Number.isInteger(h.value) || h.value < 1 || h.value > 65535) continue;
      if (h.action === 'tcpSocket' && !h.owner.endsWith('Probe')) continue;
      ctx.report({
        node: h.node,
        path: h.path,
        message: `port ${h.value} is not declared in any container's ports; the ${handlerLabel(h.owner)} still works if the process listens on it, ` +
          `but declaring it documents the port and lets probes and Services refer to it by name.`,
      });
    }
  },
};
