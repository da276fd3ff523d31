// What `activate` returns: enough for tests (and other extensions) to await a ready Podscope, nothing to reach into.
export interface PodscopeApi {
  /** True once the pod explorer has loaded the kubeconfig and shows its tree. */
  readonly explorerStarted: boolean;
  /**
   * Settles once the explorer started, or failed to (the failure is reported to the user). It starts after activation,
   * and in Restricted Mode only once the folder is trusted: until then this stays pending.
   */
  readonly explorerReady: Promise<void>;
  /** The language server, which starts with the first YAML document. */
  readonly languageServer: {
    /** Settles once the server runs (or failed to start); pending while no YAML document was opened. */
    readonly ready: Promise<void>;
    isRunning(): boolean;
  };
}
