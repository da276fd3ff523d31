import { formatPath } from '../../path';
import type { PodRule } from '../../rule';
import { isValidPortName } from '../../validation/names';
import { handlerLabel, handlerPorts, WHEN_IT_FAILS } from './handlerPorts';
import { podPorts, portsOf } from './portDecls';
import { describeContainer } from './runTogether';
import { podExamples } from '../../exampleManifests';

// The API server only checks that a named probe/hook port is a valid IANA_SVC_NAME; the kubelet
// resolves it in pkg/probe/util.go (ResolveContainerPort -> findPortByName).
export const probePortNameUnknown: PodRule = {
  code: 'probe-port-name-unknown',
  severity: 'warning',
  category: 'runtime',
  scope: 'pod',
  description: "A probe or lifecycle handler names a port that its own container does not declare.",
  why: 'The kubelet resolves a named probe or hook port against the probed container\'s own ports, so a name declared by a sibling container, or by nobody, fails every time with "port <name> not found".',
  remediation: 'Declare a port with that name in the probed container, or use the port\'s number.',
  examples: podExamples({ container: `
      readinessProbe:
        httpGet: {path: /, port: http}` }, { container: `
      ports:
      - name: http
        containerPort: 80
      readinessProbe:
        httpGet: {path: /, port: http}` }),
  docUrl: 'https://github.com/kubernetes/kubernetes/blob/v1.36.1/pkg/probe/util.go',
  check(ctx) {
    const allPorts = podPorts(ctx);
    for (const h of handlerPorts(ctx.containers, ctx.doc)) {
      if (typeof h.value !== 'string' || isValidPortName(h.value).length > 0) continue;
      // A tcpSocket hook fails whatever its port; lifecycle-tcp-socket reports it.
      if (h.action === 'tcpSocket' && !h.owner.endsWith('Probe')) continue;
      const name = h.value;
      if (portsOf(h.container, ctx.doc).some((p) => p.name === name)) continue;
      const elsewhere = allPorts.find((p) => p.name === name);
      let message = `port ${JSON.stringify(name)} is not declared in the ports of ${describeContainer(h.container)}; ` +
        `the kubelet resolves a named port against the probed container's own ports only, so the ${handlerLabel(h.owner)} ` +
        `fails with "port ${name} not found" and ${WHEN_IT_FAILS[h.owner]}.`;
      const fix = elsewhere?.containerPort !== undefined
        ? ctx.replaceFix(`Use port number ${elsewhere.containerPort}`, h.node, String(elsewhere.containerPort))
        : undefined;
      if (elsewhere) {
        message += ` ${capitalize(describeContainer(elsewhere.container))} declares it (${formatPath(elsewhere.path)})` +
          (elsewhere.containerPort !== undefined ? `; use its number, ${elsewhere.containerPort}, instead.` : '.');
      }
      ctx.report({ node: h.node, path: h.path, message, fixes: fix ? [fix] : undefined });
    }
  },
};

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
