// "Validate Against the Cluster" for one file: say what will be sent and where, ask before Secrets or cluster-scoped
// objects leave the editor, then send dry runs only. A dry run stores nothing, but the API server, its audit log and
// its admission webhooks all see the object, Secret data included, so sending one is the user's call, asked once per
// file (and again when the file gains another such object or is sent to another context).
import { dryRunSummary, planDryRun, runDryRun, type DryRunObjectResult, type DryRunPlanItem, type DryRunTransport } from './dryRunValidate';

export interface DryRunUi {
  progress<T>(title: string, task: () => Promise<T>): Promise<T>;
  /** A modal question; true when the user chose to send. */
  askToSend(question: string, detail: string): Promise<boolean>;
  report(ok: boolean, text: string): void;
}

export interface DryRunInput {
  /** Identifies the file for the question's memory (its URI). */
  file: string;
  text: string;
  contextName: string;
  /** Where objects without metadata.namespace go. */
  namespace: string;
  /** The `podscope.dryRun.confirmSensitive` setting. */
  confirmSensitive: boolean;
}

/** The files (with their sensitive objects and context) the user agreed to send this session. */
export class DryRunConsent {
  private readonly given = new Set<string>();

  has(key: string): boolean {
    return this.given.has(key);
  }

  remember(key: string): void {
    this.given.add(key);
  }
}

type Sent = DryRunPlanItem & { request: NonNullable<DryRunPlanItem['request']> };

export function isSensitive(item: Sent): boolean {
  return (item.kind === 'Secret' && item.request.apiVersion === 'v1') || !item.request.resource.namespaced;
}

/** `Pod/web, Secret/db in namespace "demo"; ClusterRole/admin (cluster-scoped)`. */
export function describeTargets(items: readonly Sent[]): string {
  const byNamespace = new Map<string, string[]>();
  for (const i of items) {
    const where = i.request.namespace === undefined ? '' : i.request.namespace;
    byNamespace.set(where, [...(byNamespace.get(where) ?? []), i.label]);
  }
  return [...byNamespace].map(([ns, labels]) => (ns === '' ? `${labels.join(', ')} (cluster-scoped)` : `${labels.join(', ')} in namespace "${ns}"`)).join('; ');
}

/** Runs the dry run of one file; undefined when the user declined (then nothing but discovery was sent). */
export async function validateFileOnCluster(input: DryRunInput, transport: DryRunTransport, consent: DryRunConsent, ui: DryRunUi): Promise<DryRunObjectResult[] | undefined> {
  const where = `context "${input.contextName}"`;
  const plan = await ui.progress(`Podscope: reading the manifest's kinds from ${where}…`, () => planDryRun(input.text, transport, input.namespace));
  const sent = plan.filter((i): i is Sent => i.request !== undefined);
  const sensitive = sent.filter(isSensitive);
  if (sensitive.length > 0 && input.confirmSensitive) {
    const key = JSON.stringify([input.file, input.contextName, sensitive.map((i) => `${i.label}@${i.request.namespace ?? ''}`).sort()]);
    if (!consent.has(key)) {
      const yes = await ui.askToSend(
        `Send ${describeTargets(sensitive)} to ${where} for a server-side dry run?`,
        'A dry run stores nothing, but the API server, its audit log and its admission webhooks receive the whole object, '
        + 'Secret data included. Podscope asks once per file; the podscope.dryRun.confirmSensitive setting turns the question off.',
      );
      if (!yes) {
        ui.report(false, `Podscope: dry run cancelled; nothing was sent to ${where}.`);
        return undefined;
      }
      consent.remember(key);
    }
  }
  const title = sent.length === 0 ? `Podscope: checking the manifest for ${where}…` : `Podscope: dry run of ${describeTargets(sent)} on ${where}…`;
  const results = await ui.progress(title, () => runDryRun(plan, transport));
  const summary = dryRunSummary(results);
  ui.report(summary.ok, `Podscope (${where}, namespace "${input.namespace}"): ${summary.text}.`);
  return results;
}
