import type { PodRule } from '../../rule';
import { WARNINGS_GO } from './apiWarning';
import { podPorts, portField, type PortDecl } from './portDecls';
import { podExamples } from '../../exampleManifests';

// kube-apiserver warns, printing the port with Go's %+v.
export const hostIpWithoutHostPort: PodRule = {
  code: 'host-ip-without-host-port',
  severity: 'warning',
  category: 'runtime',
  scope: 'pod',
  description: 'A port sets hostIP but no hostPort, so hostIP has no effect.',
  why: 'hostIP only says which node address a hostPort binds; without a hostPort nothing is published and the field is silently ignored.',
  remediation: 'Add the hostPort the hostIP is meant for, or remove hostIP.',
  examples: podExamples({ container: `
      ports:
      - containerPort: 80
        hostIP: 127.0.0.1` }, { container: `
      ports:
      - containerPort: 80
        hostIP: 127.0.0.1
        hostPort: 8080` }),
  docUrl: WARNINGS_GO,
  check(ctx) {
    for (const port of podPorts(ctx)) {
      if (port.hostIP === '' || port.hostPort !== 0) continue;
      const at = portField(port, 'hostIP', ctx.doc);
      ctx.report({
        node: at.node,
        path: port.path,
        message: `hostIP set without hostPort: ${goPort(port)}; hostIP only applies to a published hostPort, so it is ignored.`,
      });
    }
  },
};

/** api.ContainerPort printed with %+v (fields in struct order). */
function goPort(p: PortDecl): string {
  return `{Name:${p.name ?? ''} HostPort:${p.hostPort} ContainerPort:${p.containerPort ?? 0} Protocol:${p.protocol} HostIP:${p.hostIP}}`;
}
