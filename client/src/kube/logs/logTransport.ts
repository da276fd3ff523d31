// The seam between the resumable stream logic and the HTTP call, so the logic runs against fakes in unit tests.

/** What one log request asks for. timestamps=true is implied: the resume logic needs every line's timestamp. */
export interface LogRequest {
  follow: boolean;
  previous: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  /** RFC3339; the API server honours it to the second. */
  sinceTime?: string;
}

export interface LogConnection {
  /** Resolves when the server ends the stream, rejects when the stream breaks (connection reset, proxy timeout). */
  readonly closed: Promise<void>;
  /** Ends the stream from our side; `closed` then resolves. */
  abort(): void;
}

/** Opens one log stream; rejects (preferably with LogOpenError) when the server refuses it. */
export type LogOpener = (request: LogRequest, onChunk: (chunk: Buffer) => void) => Promise<LogConnection>;

export class LogOpenError extends Error {
  override readonly name = 'LogOpenError';
  /** `retryable`: the cluster could not be reached; asking again later may work (unlike a 403 or a 404). */
  constructor(message: string, readonly retryable: boolean, readonly code?: number) {
    super(message);
  }
}
