// Ends a running copy from outside it — the user cancelled, the pod was deleted, the local disk failed — exactly once:
// the first reason wins, and whatever is waiting on the copy is released with it.
import type { PodDeletionWatch } from '../pod/podDeletion';
import { CopyCancelledError, CopyError } from './tarFailure';

/** What a copy is given besides its paths. */
export interface CopyControl {
  signal?: AbortSignal;
  /** Bytes of file content moved so far, of `total` when known, and the file being copied. */
  progress?(bytes: number, total: number | undefined, file: string | undefined): void;
  /** Starts watching the pod for deletion (see podDeletion.ts); without it, only the exec's own end is seen. */
  watchDeletion?(onDeleted: () => void): Promise<PodDeletionWatch>;
  /** How the pod is named in messages. */
  podName?: string;
}

export class CopyStop {
  readonly stopped: Promise<never>;
  private failure: Error | undefined;
  private reject!: (err: Error) => void;
  private readonly hooks: (() => void)[] = [];
  private watch: PodDeletionWatch | undefined;

  constructor(private readonly control: CopyControl) {
    this.stopped = new Promise<never>((_, reject) => { this.reject = reject; });
    this.stopped.catch(() => undefined);
    const signal = control.signal;
    if (signal?.aborted) this.stop(new CopyCancelledError());
    signal?.addEventListener('abort', () => this.stop(new CopyCancelledError()), { once: true });
  }

  get error(): Error | undefined {
    return this.failure;
  }

  /** Starts the deletion watch, if the caller gave one. */
  async watchPod(): Promise<void> {
    const watch = this.control.watchDeletion;
    if (!watch) return;
    const pod = this.control.podName ? `pod "${this.control.podName}"` : 'the pod';
    this.watch = await watch(() => this.stop(new CopyError(`${pod} was deleted while copying`)));
  }

  /** Runs `hook` when the copy is stopped (at once if it already is). */
  onStop(hook: () => void): void {
    if (this.failure) hook();
    else this.hooks.push(hook);
  }

  stop(err: Error): void {
    if (this.failure) return;
    this.failure = err;
    this.reject(err);
    for (const hook of this.hooks.splice(0)) hook();
  }

  /** `work`, unless the copy is stopped first. */
  race<T>(work: Promise<T>): Promise<T> {
    return Promise.race([work, this.stopped]);
  }

  dispose(): void {
    this.watch?.stop();
  }
}
