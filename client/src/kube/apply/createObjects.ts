// Create as `kubectl create -f` does: each object POSTed to its collection (the document's own text, strict field
// validation); one that exists is refused by the API server with its own message (`pods "web" already exists`), and
// the others are still created. Refusals also become findings for Problems, at the field they name.
import { ApiRequestError } from '../cluster/apiRequest';
import { writeQuery } from '../dryRun/dryRunRequest';
import { statusFindings, type DryRunObjectResult } from '../dryRun/dryRunValidate';
import type { ObjectTarget } from './manifestTargets';
import { isSuccess, targetCollection, type ObjectTransport } from './objectTransport';

export interface CreateOutcome {
  label: string;
  /** The name the server gave the new object (generateName included). */
  created?: string;
  /** The API server's message when it refused. */
  error?: string;
  rejected?: DryRunObjectResult;
}

export async function createTargets(targets: readonly ObjectTarget[], transport: ObjectTransport): Promise<CreateOutcome[]> {
  const outcomes: CreateOutcome[] = [];
  for (const t of targets) {
    const response = await transport.send('POST', `${targetCollection(t)}?${writeQuery('create', { dryRun: false })}`, t.request.body.text, 'application/yaml');
    if (isSuccess(response)) {
      const stored = JSON.parse(response.body) as { metadata?: { name?: string } };
      outcomes.push({ label: t.label, created: stored.metadata?.name ?? t.request.name });
      continue;
    }
    const findings = statusFindings(t.request.doc, t.request.body, response);
    outcomes.push({ label: t.label, error: ApiRequestError.from(response).message, rejected: { label: t.label, outcome: 'rejected', operation: 'create', findings } });
  }
  return outcomes;
}
