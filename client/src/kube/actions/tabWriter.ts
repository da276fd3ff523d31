// Go's text/tabwriter (elastic tabstops), as kubectl describe uses it: tabwriter.NewWriter(out, 0, 8, 2, ' ', 0).
// A cell is text ended by a tab; a column is aligned across a block of consecutive lines that all have that cell,
// each cell padded to the block's widest plus two spaces. Text after a line's last tab is not aligned.

const PADDING = 2;

export function formatTabbed(text: string): string {
  const lines = text.split('\n').map((l) => l.split('\t'));
  const out: string[] = [];
  const widths: number[] = [];

  const width = (s: string) => [...s].length;

  const writeLines = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      out.push(lines[i].map((cell, j) => (j < widths.length ? cell + ' '.repeat(Math.max(0, widths[j] - width(cell))) : cell)).join(''));
    }
  };

  const format = (line0: number, line1: number) => {
    const column = widths.length;
    let start = line0;
    for (let i = line0; i < line1; i++) {
      if (column >= lines[i].length - 1) continue;
      writeLines(start, i);
      let w = 0;
      let end = i;
      for (; end < line1 && column < lines[end].length - 1; end++) w = Math.max(w, width(lines[end][column]) + PADDING);
      widths.push(w);
      format(i, end);
      widths.pop();
      start = end;
      i = end - 1;
    }
    writeLines(start, line1);
  };

  format(0, lines.length);
  return out.join('\n');
}
