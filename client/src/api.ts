// What `activate` returns: enough for tests (and other extensions) to await a ready Podscope, nothing to reach into.
export interface PodscopeApi {
  /** True once the pod explorer has loaded the kubeconfig and shows its tree. */
  readonly explorerStarted: boolean;
  /** The language server, which starts with the first YAML document. */
  readonly languageServer: {
    /** Settles once the server runs (or failed to start). */
    readonly ready: Promise<void>;
    isRunning(): boolean;
  };
}
