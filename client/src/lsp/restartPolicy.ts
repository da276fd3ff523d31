// When a crashed language server may be restarted: a few times, then never again in this session,
// so a server that dies on start does not respawn forever (the lsp-sample default restarts
// indefinitely as long as crashes are spread out).
export class RestartPolicy {
  private readonly crashes: number[] = [];
  private total = 0;

  constructor(
    private readonly maxInWindow = 3,
    private readonly windowMs = 3 * 60_000,
    private readonly maxTotal = 10,
  ) {}

  /** Records a crash at `now` and says whether to restart after it. */
  crashed(now: number = Date.now()): boolean {
    this.total++;
    this.crashes.push(now);
    while (this.crashes.length > 0 && now - this.crashes[0]! > this.windowMs) this.crashes.shift();
    return this.crashes.length <= this.maxInWindow && this.total <= this.maxTotal;
  }
}
