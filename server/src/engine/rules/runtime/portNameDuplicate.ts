import { formatPath } from '../../path';
import type { PodRule } from '../../rule';
import { podPorts, portField, type PortDecl } from './portDecls';
import { describeContainer } from './runTogether';
import { LOG_SHIPPER, WEB_CONTAINER, podExamples } from '../../exampleManifests';

// kube-apiserver warns when containers of one pod reuse a port name (pkg/api/pod/warnings.go).
// Its wording says Services and probes "will use" the first entry; the real resolution differs:
// the kubelet resolves a probe's named port against the probed container's own ports
// (pkg/probe/util.go findPortByName), and a Service's named targetPort takes the first match among
// app containers, then sidecars (k8s.io/endpointslice FindPort) — never regular init containers.
// A name repeated inside one container is rejected by validation and left to the API rules.
export const portNameDuplicate: PodRule = {
  code: 'port-name-duplicate',
  severity: 'warning',
  category: 'runtime',
  scope: 'pod',
  description: 'Two containers of one pod give a port the same name, so a named Service targetPort is ambiguous.',
  remediation: 'Give the ports of different containers different names, so a Service\'s named targetPort picks one.',
  examples: podExamples({ containers: `${WEB_CONTAINER}\n  ports:\n  - {name: metrics, containerPort: 9113}\n${LOG_SHIPPER}\n  ports:\n  - {name: metrics, containerPort: 2020}` },
      { containers: `${WEB_CONTAINER}\n  ports:\n  - {name: metrics, containerPort: 9113}\n${LOG_SHIPPER}\n  ports:\n  - {name: log-metrics, containerPort: 2020}` }),
  docUrl: 'https://github.com/kubernetes/kubernetes/blob/v1.36.1/pkg/api/pod/warnings.go',
  check(ctx) {
    const ports = podPorts(ctx);
    const first = new Map<string, PortDecl>();
    for (const port of ports) {
      if (!port.name) continue;
      const other = first.get(port.name);
      if (!other) {
        first.set(port.name, port);
        continue;
      }
      if (other.container === port.container) continue;
      const otherPath = formatPath(other.path);
      const apiWarning = `duplicate port name ${JSON.stringify(port.name)} with ${otherPath}, services and probes that select ports by name will use ${otherPath}`;
      const at = portField(port, 'name', ctx.doc);
      const initOnly = [port, other].find((p) => p.container.group === 'initContainers' && !p.container.isSidecar);
      if (initOnly) {
        ctx.report({
          node: at.node, path: at.path, severity: 'info',
          message: `${apiWarning} (harmless here: Services never select ports of ${describeContainer(initOnly.container)}, and each probe uses its own container's ports).`,
        });
        continue;
      }
      const target = serviceTarget(ports, port);
      ctx.report({
        node: at.node, path: at.path,
        message: `${apiWarning}; in fact a Service's targetPort ${JSON.stringify(port.name)} resolves to ${formatPath(target.path)}` +
          `${target.containerPort === undefined ? '' : ` (port ${target.containerPort})`} and each probe resolves the name against its own container's ports, so give the ports distinct names.`,
      });
    }
  },
};

/** The entry endpointslice.FindPort picks for a name and protocol: app containers first, then sidecars. */
function serviceTarget(ports: readonly PortDecl[], like: PortDecl): PortDecl {
  const candidates = ports.filter((p) => p.name === like.name && p.protocol === like.protocol);
  return candidates.find((p) => p.container.group === 'containers')
    ?? candidates.find((p) => p.container.isSidecar)
    ?? like;
}
