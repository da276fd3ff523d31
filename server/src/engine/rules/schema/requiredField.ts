import { k8s } from '../../k8sErrors';
import type { ObjectRule } from '../../rule';
import { schemaIssues } from './schemaWalk';
import { podExamples } from '../../exampleManifests';

// Fields the OpenAPI schema marks required, reported as the API server's validation does: `Required value`.
export const requiredField: ObjectRule = {
  code: 'required-field',
  severity: 'error',
  category: 'schema',
  scope: 'object',
  description: 'Fields the schema of the chosen Kubernetes version marks required must be present.',
  remediation: 'Add the missing field.',
  examples: podExamples({ container: `
      ports:
      - name: http` }, { container: `
      ports:
      - name: http
        containerPort: 80` }),
  docUrl: 'https://kubernetes.io/docs/reference/kubernetes-api/',
  check(ctx) {
    for (const issue of schemaIssues(ctx)) {
      if (issue.code !== 'required-field') continue;
      ctx.report({ node: issue.node, ...(issue.on ? { on: issue.on } : {}), path: issue.path, message: k8s.required() });
    }
  },
};
