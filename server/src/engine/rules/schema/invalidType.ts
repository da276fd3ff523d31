import type { ObjectRule } from '../../rule';
import { schemaIssues } from './schemaWalk';
import { podExamples } from '../../exampleManifests';

export const invalidType: ObjectRule = {
  code: 'invalid-type',
  severity: 'error',
  category: 'schema',
  scope: 'object',
  description: 'Every value must have the type the schema of the chosen Kubernetes version gives its field (string, integer, list, map, ...).',
  why: 'The API server decodes the JSON kubectl sends into typed structs, so one value of the wrong type fails the whole request: `json: cannot unmarshal number into Go struct field EnvVar.spec.containers.env.value of type string`.',
  remediation: 'Write the value in the field\'s type; quote a number or boolean meant as a string.',
  examples: podExamples({ container: `
      env:
      - name: PORT
        value: 8080` }, { container: `
      env:
      - name: PORT
        value: "8080"` }),
  docUrl: 'https://kubernetes.io/docs/reference/kubernetes-api/',
  check(ctx) {
    for (const issue of schemaIssues(ctx)) {
      if (issue.code !== 'invalid-type') continue;
      const fix = issue.quoted ? ctx.replaceFix(`Quote as ${issue.quoted}`, issue.node, issue.quoted) : undefined;
      ctx.report({ node: issue.node, path: issue.path, message: issue.message, ...(fix ? { fixes: [fix] } : {}) });
    }
  },
};
