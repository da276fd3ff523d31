// The one failure that means "this machine cannot run the cluster" (no binaries, no Go), as opposed
// to a broken cluster: tests skip on it with its message, and fail on anything else.
export class ClusterUnavailableError extends Error {
  override name = 'ClusterUnavailableError';
}
