// What a log view needs of the session behind it, whether it streams one pod (LogSession) or a workload whose pods
// come and go (WorkloadLogSession).
import type { LogBuffer } from './logBuffer';
import type { LogPresentation } from './logPresentation';
import type { LogStreamState } from './logStream';

export interface LogSessionListener {
  /** The buffer changed. Called often under load; the view batches its own updates. */
  changed(): void;
  /** `stream`: the container, or `pod/container` in a workload view. */
  state(stream: string, state: LogStreamState): void;
  /** Something the user should read once (a workload view reached its cap on streams). */
  notice?(text: string): void;
}

export interface LogViewSession {
  readonly buffer: LogBuffer;
  /** Who the view shows, for the status bar and pickers: `web/app`, `web/all containers`, `deployment/web`. */
  readonly title: string;
  readonly running: boolean;
  readonly presentation: LogPresentation;
  /** Starts streaming into an empty buffer; resolves when the session has ended or been stopped. */
  start(): Promise<void>;
  stop(): void;
  /** The one-line state of the whole view, for the status bar. */
  summary(): string;
  /** Shows the log another way: the lines are read again from the server and presented anew. */
  represent(presentation: LogPresentation): Promise<void>;
  /** The line prefixes in use (`[pod/<pod>/<container>] `), each coloured in the view; none for a single stream. */
  prefixes(): readonly string[];
}
