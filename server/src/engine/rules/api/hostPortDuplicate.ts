import type { Node } from 'yaml';
import { k8s } from '../../k8sErrors';
import type { PathSeg } from '../../path';
import { mapItems, type ContainerRef } from '../../podModel';
import type { PodContext, PodRule } from '../../rule';
import { boolField, intField, stringField } from './fields';
import { podExamples } from '../../exampleManifests';

// checkHostPortConflicts / AccumulateUniqueHostPorts (validation.go, 1.36): a "protocol/hostIP/hostPort"
// triple may appear once across spec.containers, and once within each init container (init
// containers run one by one, so they are checked alone; sidecars too). Ephemeral containers cannot
// have ports. The protocol is compared after defaulting (TCP); hostIPs are compared as written, so
// 0.0.0.0 and "" do not collide here (the run-time rule host-port-conflict covers that).
// The server's path for an init container always says initContainers[0], since it checks a
// one-element slice; we name the real container instead.
export const hostPortDuplicate: PodRule = {
  code: 'host-port-duplicate',
  severity: 'error',
  category: 'api',
  scope: 'pod',
  description: 'Two ports use the same hostPort, protocol and hostIP where the API server requires them to be unique.',
  remediation: 'Give each port its own hostPort (or protocol or hostIP).',
  examples: podExamples({ container: `
      ports:
      - containerPort: 80
        hostPort: 8080
      - containerPort: 443
        hostPort: 8080` }, { container: `
      ports:
      - containerPort: 80
        hostPort: 8080
      - containerPort: 443
        hostPort: 8443` }),
  docUrl: 'https://kubernetes.io/docs/concepts/configuration/overview/#services',
  check(ctx) {
    const apps = new Set<string>();
    for (const c of ctx.containers) {
      if (c.group === 'containers') accumulate(ctx, c, apps);
      else if (c.group === 'initContainers') accumulate(ctx, c, new Set<string>());
    }
  },
};

function accumulate(ctx: PodContext, c: ContainerRef, seen: Set<string>): void {
  // SetDefaults_Pod copies containerPort into an unset hostPort under hostNetwork (Pods only).
  const hostNetworkDefault = ctx.object.kind === 'Pod' && boolField(ctx.spec, 'hostNetwork', ctx.doc)?.value === true;
  for (const port of mapItems(c.node, 'ports', c.path, ctx.doc)) {
    const hp = intField(port.node, 'hostPort', ctx.doc);
    const cp = intField(port.node, 'containerPort', ctx.doc);
    let value = hp?.value ?? 0;
    let node: Node = hp?.node ?? port.node;
    if (value === 0 && hostNetworkDefault && cp) {
      value = cp.value;
      node = cp.node;
    }
    if (value === 0) continue;
    const protocol = stringField(port.node, 'protocol', ctx.doc)?.value || 'TCP';
    const key = `${protocol}/${stringField(port.node, 'hostIP', ctx.doc)?.value ?? ''}/${value}`;
    const path: PathSeg[] = [...port.path, 'hostPort'];
    if (seen.has(key)) ctx.report({ node, path, message: k8s.duplicate(key) });
    else seen.add(key);
  }
}
