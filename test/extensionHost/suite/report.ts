// What the extension-host suite writes for its launcher (runInCodeServer.ts / runElectron.ts) to read.
export interface SuiteResult {
  name: string;
  file?: string;
  status: 'pass' | 'fail' | 'skip';
  durationMs: number;
  error?: string;
}

export interface SuiteReport {
  results: SuiteResult[];
  durationMs: number;
  /** Node version of the extension host the suite ran in. */
  node: string;
}
