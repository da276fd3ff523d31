// Failures the CLI reports as one clear line and exit code 2, never as a stack trace.
export class CliError extends Error {
  constructor(message: string, readonly kind: 'usage' | 'io' | 'config') {
    super(message);
  }
}

export const EXIT = { ok: 0, findings: 1, error: 2 } as const;
