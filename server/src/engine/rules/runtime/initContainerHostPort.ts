import type { PodRule } from '../../rule';
import { getScalar } from '../../yamlNodes';
import { podPorts, portField } from './portDecls';
import { describeContainer } from './runTogether';
import { initContainer, podExamples } from '../../exampleManifests';

// The API server checks hostPort clashes only inside spec.containers and inside each init
// container (validation.go checkHostPortConflicts), and the kubelet builds the pod's host port
// mappings from spec.containers alone (kuberuntime_sandbox.go generatePodSandboxConfig). With
// hostNetwork the process binds the node's port itself, so no mapping is needed.
export const initContainerHostPort: PodRule = {
  code: 'init-container-host-port',
  severity: 'warning',
  category: 'runtime',
  scope: 'pod',
  description: 'An init or sidecar container sets a hostPort, which the kubelet never publishes.',
  why: 'The kubelet publishes host ports for spec.containers only, so a hostPort on an init container (even a native sidecar, for which the scheduler does reserve the port) is accepted but never published.',
  remediation: 'Move the hostPort to an app container, or remove it.',
  examples: podExamples(
    { spec: initContainer('proxy', 'envoyproxy/envoy:v1.31.0', 'restartPolicy: Always\nports:\n- containerPort: 9901\n  hostPort: 9901') },
    { spec: initContainer('proxy', 'envoyproxy/envoy:v1.31.0', 'restartPolicy: Always\nports:\n- containerPort: 9901') },
  ),
  docUrl: 'https://github.com/kubernetes/kubernetes/blob/v1.36.1/pkg/kubelet/kuberuntime/kuberuntime_sandbox.go',
  check(ctx) {
    if (getScalar(ctx.spec, 'hostNetwork', ctx.doc) === true) return;
    for (const port of podPorts(ctx)) {
      if (port.container.group !== 'initContainers' || port.hostPort <= 0) continue;
      const at = portField(port, 'hostPort', ctx.doc);
      const reserved = port.container.isSidecar ? ', although the scheduler still reserves it on the node' : '';
      ctx.report({
        node: at.node,
        path: at.path,
        message: `hostPort ${port.hostPort} of ${describeContainer(port.container)} is never published: the kubelet maps host ports only for spec.containers${reserved}. ` +
          'Move the port to an app container or use a Service.',
      });
    }
  },
};
