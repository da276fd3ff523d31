// The open details documents and their text, kept current from the explorer's informers without VS Code: a pod's
// change (or its events') redraws its documents after a short batch, a new scope, filter or kubeconfig redraws all, and
// a document's listener hears of it only when its text changed — so nothing flickers, and an unchanged redraw costs
// the user nothing. A pod that goes keeps its last known text under a first line saying so.
import type { PodTreeModel } from '../tree/treeModel';
import type { DetailsSection } from './detailsSection';
import { podDetailsHeader, renderPodDetails } from './podDetailsText';
import { watchedPod, type PodRef, type WatchedPod } from './watchedPod';

export interface TrackerOptions {
  now?: () => number;
  /** How long changes are collected before documents are redrawn (the tree batches as long). */
  batchMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

interface OpenDocument {
  ref: PodRef;
  text: string;
  /** The last pod seen, so a deleted pod's document keeps what it showed. */
  last: Extract<WatchedPod, { kind: 'pod' }> | undefined;
  /** When the pod was first missed, so the first line stays the same on later redraws. */
  goneSinceMs: number | undefined;
}

export class PodDetailsTracker {
  private readonly docs = new Map<string, OpenDocument>();
  private readonly sections: DetailsSection[] = [];
  private readonly pending = new Set<string>();
  private timer: unknown;
  private readonly subscriptions: { dispose(): void }[];

  constructor(
    private readonly model: PodTreeModel,
    /** Hears the key of a document whose text changed. */
    private readonly onText: (key: string) => void,
    private readonly options: TrackerOptions = {},
  ) {
    this.subscriptions = [
      model.onPodChange((contextName, podKey) => this.scheduleWhere((r) => r.contextName === contextName && `${r.namespace}/${r.name}` === podKey)),
      // A new scope, filter, kubeconfig or informer state: any document may be affected.
      model.onDidChange((nodes) => { if (nodes.some((n) => n === undefined || n.nodeType === 'context')) this.scheduleWhere(() => true); }),
      model.onEventsChange((contextName) => this.scheduleWhere((r) => r.contextName === contextName)),
    ];
  }

  /** Starts following a pod under `key` (a document's URI); returns its text now. */
  open(key: string, ref: PodRef): string {
    let doc = this.docs.get(key);
    if (!doc) {
      doc = { ref, text: '', last: undefined, goneSinceMs: undefined };
      this.docs.set(key, doc);
    }
    doc.text = this.render(doc);
    return doc.text;
  }

  text(key: string): string | undefined {
    return this.docs.get(key)?.text;
  }

  /** The document was closed: stop following its pod. */
  close(key: string): void {
    this.docs.delete(key);
    this.pending.delete(key);
  }

  get openCount(): number {
    return this.docs.size;
  }

  /** Adds a section to every document (see detailsSection.ts); disposing it removes the section. */
  addSection(section: DetailsSection): { dispose(): void } {
    this.sections.push(section);
    const sub = section.onDidChange?.((changed) => this.scheduleWhere((r) => !changed
      || (r.contextName === changed.contextName && r.namespace === changed.namespace && r.name === changed.name)));
    this.scheduleWhere(() => true);
    return {
      dispose: () => {
        sub?.dispose();
        const i = this.sections.indexOf(section);
        if (i >= 0) this.sections.splice(i, 1);
        this.scheduleWhere(() => true);
      },
    };
  }

  /** Redraws every document now (relative times move); listeners hear only of those whose text changed. */
  redrawAll(): void {
    for (const key of this.docs.keys()) this.pending.add(key);
    this.flush();
  }

  /** Redraws the documents with pending changes now instead of at the end of the batch. */
  flush(): void {
    if (this.timer !== undefined) (this.options.clearTimer ?? clearTimeout)(this.timer as ReturnType<typeof setTimeout>);
    this.timer = undefined;
    const keys = [...this.pending];
    this.pending.clear();
    for (const key of keys) {
      const doc = this.docs.get(key);
      if (!doc) continue;
      const text = this.render(doc);
      if (text === doc.text) continue;
      doc.text = text;
      this.onText(key);
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    if (this.timer !== undefined) (this.options.clearTimer ?? clearTimeout)(this.timer as ReturnType<typeof setTimeout>);
    this.timer = undefined;
    this.docs.clear();
  }

  private scheduleWhere(affects: (ref: PodRef) => boolean): void {
    for (const [key, doc] of this.docs) if (affects(doc.ref)) this.pending.add(key);
    if (this.pending.size === 0 || this.timer !== undefined) return;
    this.timer = (this.options.setTimer ?? setTimeout)(() => {
      this.timer = undefined;
      this.flush();
    }, this.options.batchMs ?? 100);
  }

  private render(doc: OpenDocument): string {
    const nowMs = (this.options.now ?? Date.now)();
    const { contextName, namespace, name } = doc.ref;
    const watched = watchedPod(this.model, doc.ref);
    let liveness: string;
    if (watched.kind === 'pod') {
      doc.last = watched;
      doc.goneSinceMs = undefined;
      liveness = watched.stale ? `live, ${watched.stale}` : 'live';
    } else if (watched.kind === 'absent') {
      doc.goneSinceMs ??= nowMs;
      liveness = `${watched.why} (noticed ${new Date(doc.goneSinceMs).toISOString().replace(/\.\d{3}Z$/, 'Z')})`;
    } else {
      liveness = `not live: ${watched.why}`;
    }
    if (!doc.last) {
      const why = watched.kind === 'absent' ? 'The pod is not in the cluster.' : watched.kind === 'pod' ? '' : `Nothing to show yet: ${watched.why}.`;
      return `${podDetailsHeader(contextName, namespace, name, liveness)}\n\n${why}\n`;
    }
    const shown = watched.kind === 'pod' ? watched : doc.last;
    const suffix = watched.kind === 'pod' ? '' : ' — the last known state follows';
    return renderPodDetails({
      target: { contextName, namespace, name, pod: shown.pod },
      liveness: `${liveness}${suffix}`,
      events: shown.events,
      eventsNote: shown.eventsNote,
      sections: this.sections,
      nowMs,
    });
  }
}
