// The schemes of the explorer's file systems. Activation registers a stand-in for each (see fileSystemRouter.ts), so
// the names live apart from the providers, which load only after activation.

/** Log views (a file system: see logs/logView.ts for why). */
export const LOG_SCHEME = 'podscope-log';
/** Files inside a container, read-only. */
export const CONTAINER_SCHEME = 'podscope-container';

export const FILE_SYSTEM_SCHEMES = [LOG_SCHEME, CONTAINER_SCHEME] as const;
