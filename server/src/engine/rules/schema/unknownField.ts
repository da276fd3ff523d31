import { isNode } from 'yaml';
import type { ObjectRule } from '../../rule';
import { formatPath, type PathSeg } from '../../path';
import { schemaFor, SCHEMA_VERSIONS, type Schema } from '../../schema/schema';
import { schemaIssues } from './schemaWalk';
import { podExamples } from '../../exampleManifests';

export const unknownField: ObjectRule = {
  code: 'unknown-field',
  severity: 'error',
  category: 'schema',
  scope: 'object',
  description: 'Every field must exist in the schema of the chosen Kubernetes version.',
  why: 'The API server decodes with strict field validation (kubectl\'s default since 1.27) and rejects the whole object: `strict decoding error: unknown field "spec.containers[0].imagePulPolicy"`.',
  remediation: 'Correct the field\'s spelling or indentation (the message suggests the nearest field), or delete it.',
  examples: podExamples({ container: 'imagePulPolicy: IfNotPresent' }, { container: 'imagePullPolicy: IfNotPresent' }),
  docUrl: 'https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation',
  check(ctx) {
    for (const issue of schemaIssues(ctx)) {
      if (issue.code !== 'unknown-field') continue;
      const { suggestion } = issue;
      const elsewhere = versionsWith(ctx.schema, ctx.object.kind, issue.path);
      const message = `unknown field "${formatPath(issue.path)}"${suggestion ? ` (did you mean "${suggestion.name}"?)` : ''}`
        + (elsewhere.length ? ` (not in the Kubernetes ${ctx.schema.version} schema; ${elsewhere.join(', ')} ${elsewhere.length > 1 ? 'have' : 'has'} it)` : '');
      const fix = suggestion && issue.fixable
        ? ctx.replaceFix(`Change to "${suggestion.name}"`, isNode(issue.pair.key) ? issue.pair.key : undefined, suggestion.name)
        : undefined;
      ctx.report({ node: issue.pair, on: 'key', path: issue.path, message, ...(fix ? { fixes: [fix] } : {}) });
    }
  },
};


/** Other bundled versions whose schema has the field: the manifest may be written for one of them. */
function versionsWith(schema: Schema, kind: string, path: readonly PathSeg[]): string[] {
  return SCHEMA_VERSIONS.filter((v) => v !== schema.version && schemaFor(v)?.resolvePath(kind, path)).reverse();
}
