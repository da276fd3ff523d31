// A clock whose timers fire only when the test advances time, so backoff paths run instantly and deterministically.
import type { Clock } from '../../../../client/src/kube/cluster/informer';

interface Timer {
  at: number;
  fn: () => void;
  cancelled: boolean;
}

export class FakeClock implements Clock {
  private t = 1_000_000;
  private timers: Timer[] = [];

  now(): number {
    return this.t;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const timer: Timer = { at: this.t + ms, fn, cancelled: false };
    this.timers.push(timer);
    return timer;
  }

  clearTimeout(handle: unknown): void {
    (handle as Timer).cancelled = true;
  }

  /** Delays of the timers still pending, soonest first. */
  pending(): number[] {
    return this.timers.filter((t) => !t.cancelled).map((t) => t.at - this.t).sort((a, b) => a - b);
  }

  advance(ms: number): void {
    this.t += ms;
    const due = this.timers.filter((t) => !t.cancelled && t.at <= this.t);
    this.timers = this.timers.filter((t) => !due.includes(t));
    for (const t of due) t.fn();
  }
}
