// The text of one log view: the newest lines up to a cap, so a chatty pod cannot eat the editor's memory.
// Past the cap the oldest tenth is dropped in one go rather than a line per line, because every drop at the top makes
// the editor replace its whole model; doing it in blocks keeps most updates as cheap appends.

export class LogBuffer {
  private lines: string[] = [];
  private start = 0;
  private joined: string | undefined = '';
  private unterminated = false;
  /** Lines dropped from the top since the buffer was created or cleared. */
  dropped = 0;

  constructor(private maxLines: number) {
    if (!(maxLines >= 1)) throw new RangeError(`maxLines must be at least 1, got ${maxLines}`);
  }

  get lineCount(): number {
    return this.lines.length - this.start;
  }

  /** `unterminated`: the last appended line has no newline (yet). */
  append(lines: readonly string[], unterminated = false): void {
    if (lines.length === 0) return;
    for (const line of lines) this.lines.push(line);
    if (this.joined !== undefined) {
      const added = lines.join('\n');
      this.joined = this.joined === '' && this.lineCount === lines.length ? added : `${this.joined}\n${added}`;
    }
    this.unterminated = unterminated;
    if (this.lineCount > this.maxLines) this.trim();
  }

  setMaxLines(maxLines: number): void {
    this.maxLines = Math.max(1, maxLines);
    if (this.lineCount > this.maxLines) this.trim();
  }

  clear(): void {
    this.lines = [];
    this.start = 0;
    this.joined = '';
    this.unterminated = false;
    this.dropped = 0;
  }

  /** The document text: one line per entry, each ending in '\n' except an unterminated last one. */
  text(): string {
    if (this.lineCount === 0) return '';
    this.joined ??= this.lines.slice(this.start).join('\n');
    return this.unterminated ? this.joined : `${this.joined}\n`;
  }

  private trim(): void {
    const keep = Math.max(1, Math.floor(this.maxLines * 0.9));
    const drop = this.lineCount - keep;
    this.start += drop;
    this.dropped += drop;
    if (this.start * 2 >= this.lines.length) {
      this.lines = this.lines.slice(this.start);
      this.start = 0;
    }
    this.joined = undefined;
  }
}
