// Cuts a byte stream into lines. Chunks end anywhere (mid-line, even mid-character), so the unfinished tail is held
// back until its newline arrives; StringDecoder keeps a multi-byte UTF-8 character split across chunks intact.
import { StringDecoder } from 'node:string_decoder';

export class LineSplitter {
  private decoder = new StringDecoder('utf8');
  private tail = '';

  /** The complete lines in `chunk` (plus the held-back tail), without their '\n'. */
  push(chunk: Buffer | string): string[] {
    const text = this.tail + (typeof chunk === 'string' ? chunk : this.decoder.write(chunk));
    const lines = text.split('\n');
    this.tail = lines.pop() ?? '';
    return lines;
  }

  /** The text after the last newline: a final line without one, or the cut-off part of a dropped stream. */
  rest(): string {
    return this.tail + this.decoder.end();
  }

  /** Forgets the unfinished tail, e.g. when a dropped stream will be replayed from its last complete line. */
  reset(): void {
    this.decoder = new StringDecoder('utf8');
    this.tail = '';
  }
}
