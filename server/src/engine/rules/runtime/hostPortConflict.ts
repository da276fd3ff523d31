import { formatPath } from '../../path';
import type { PodRule } from '../../rule';
import { podPorts, portField, rejectedPorts, type PortDecl } from './portDecls';
import { podExamples } from '../../exampleManifests';

// kube-apiserver's check is validation.go AccumulateUniqueHostPorts. Pairs that also share a
// containerPort are reported by container-port-conflict or port-definition-duplicate instead.
export const hostPortConflict: PodRule = {
  code: 'host-port-conflict',
  severity: 'warning',
  category: 'runtime',
  scope: 'pod',
  description: 'Two ports claim the same hostPort on overlapping host addresses, which the API server lets through.',
  why: 'The API server rejects two ports only when protocol, hostIP and hostPort are all equal. An empty hostIP (every address) and a specific one claiming the same hostPort pass, yet both become NAT rules on the node, and which one catches a connection depends on rule order.',
  remediation: 'Give each port its own hostPort, or bind them to host addresses that do not overlap.',
  examples: podExamples({ container: `
      ports:
      - containerPort: 80
        hostPort: 8080
      - containerPort: 8080
        hostIP: 0.0.0.0
        hostPort: 8080` }, { container: `
      ports:
      - containerPort: 80
        hostPort: 8080
      - containerPort: 8080
        hostIP: 0.0.0.0
        hostPort: 8081` }),
  docUrl: 'https://github.com/kubernetes/kubernetes/blob/v1.36.1/pkg/apis/core/validation/validation.go',
  check(ctx) {
    const ports = podPorts(ctx);
    const rejected = rejectedPorts(ports);
    const published = ports.filter((p) => p.container.group === 'containers' && p.hostPort > 0);
    published.forEach((port, i) => {
      if (rejected.has(port)) return;
      const other = published.slice(0, i).find((o) => clash(port, o));
      if (!other) return;
      const at = portField(port, 'hostPort', ctx.doc);
      ctx.report({
        node: at.node,
        path: at.path,
        message: `hostPort ${port.hostPort}/${port.protocol} is also claimed by ${formatPath(other.path)} on ${ipLabel(other.hostIP)}, ` +
          `which overlaps ${ipLabel(port.hostIP)}; the node gets two NAT rules for one address and port, and which container receives a connection depends on their order.`,
      });
    });
  },
};

function clash(a: PortDecl, b: PortDecl): boolean {
  if (a.protocol !== b.protocol || a.hostPort !== b.hostPort) return false;
  if (a.containerPort === b.containerPort) return false;
  if (a.hostIP === b.hostIP) return false; // rejected by the API server (rejectedPorts)
  return overlaps(a.hostIP, b.hostIP);
}

function overlaps(a: string, b: string): boolean {
  if (a === '' || b === '') return true;
  const v6 = (ip: string) => ip.includes(':');
  if (a === '0.0.0.0') return !v6(b);
  if (b === '0.0.0.0') return !v6(a);
  if (a === '::') return v6(b);
  if (b === '::') return v6(a);
  return false;
}

function ipLabel(ip: string): string {
  return ip === '' ? 'every host address' : `hostIP ${ip}`;
}
