import type { PodRule } from '../../rule';
import { handlerPorts, WHEN_IT_FAILS } from './handlerPorts';
import { podExamples } from '../../exampleManifests';

// Validation keeps LifecycleHandler.tcpSocket "for backward compatibility"; the kubelet's handler
// runner has no case for it (pkg/kubelet/lifecycle/handlers.go Run).
export const lifecycleTcpSocket: PodRule = {
  code: 'lifecycle-tcp-socket',
  severity: 'warning',
  category: 'runtime',
  scope: 'pod',
  description: 'A postStart or preStop hook uses tcpSocket, which the kubelet does not support.',
  why: 'The API server still accepts tcpSocket in a hook for backward compatibility, but the kubelet cannot run it, so the hook fails every time with "invalid handler".',
  remediation: 'Use exec, httpGet or sleep in the hook instead of tcpSocket.',
  examples: podExamples({ container: `
      lifecycle:
        preStop:
          tcpSocket: {port: 80}` }, { container: `
      lifecycle:
        preStop:
          exec:
            command: [nginx, -s, quit]` }),
  docUrl: 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#LifecycleHandler',
  check(ctx) {
    for (const h of handlerPorts(ctx.containers, ctx.doc)) {
      if (h.action !== 'tcpSocket' || h.owner.endsWith('Probe')) continue;
      ctx.report({
        node: h.actionPair,
        on: 'key',
        path: h.actionPath,
        message: `tcpSocket is not supported as a lifecycle handler: the API server accepts it only for backward compatibility, ` +
          `the kubelet fails the ${h.owner} hook with "invalid handler", and ${WHEN_IT_FAILS[h.owner]}. Use exec, httpGet or sleep.`,
      });
    }
  },
};
