// Seeded text mutations for the fuzzer and the incremental-edit property test: byte flips, line
// deletions and duplications, indentation changes, splices, and the YAML tokens that broke Podscope
// before (line ends of every kind, quotes, `---` inside strings, anchors, merge keys, deep brackets).

/** mulberry32: small, fast and the same on every machine, so a failing seed replays exactly. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const YAML_TOKENS: readonly string[] = [
  '\r', '\r\n', '\n', '\u2028', '\u2029', '\u0085', '\t', '"', "'", '\\', '---\n', '\n---\n', '\n--- ', '...\n', ' "a\n---\nb" ',
  ': ', '- ', '? ', '  ', '# ', '{', '}', '[', ']', ',', '&a ', '*a', '*nope', '<<: ', '<<: *a', '|', '>-', '!!str ', '%YAML 1.2\n',
  '{{ .Values.x }}', 'null', '~', '.nan', '.inf', '-1', '0x1F', '1e9', 'true', 'yes', 'on', '99999999999999999999', '""',
  'apiVersion: v1\n', 'kind: Pod\n', 'containers:\n  - name: c\n', 'ports: [{containerPort: 80}]', 'name: Bad_Name',
  '[[[[[[[[', '{a: {a: {a: ', '- - - - - - ', '\u00e9', '\ud83d\ude00', '\ud800', '\u0000',
];

export interface Edit {
  /** Offsets in the text before the edit. */
  start: number;
  end: number;
  text: string;
}

export function applyEdit(text: string, e: Edit): string {
  return text.slice(0, e.start) + e.text + text.slice(e.end);
}

/** One random edit of `text`; `donors` supply whole documents and splices. */
export function randomEdit(text: string, rnd: () => number, donors: readonly string[]): Edit {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const at = Math.floor(rnd() * (text.length + 1));
  const lines = lineSpans(text);
  const line = lines.length ? pick(lines) : { start: 0, end: 0 };
  switch (Math.floor(rnd() * 11)) {
    case 0: return { start: at, end: at, text: pick(YAML_TOKENS) };
    case 1: return { start: at, end: Math.min(text.length, at + 1 + Math.floor(rnd() * 20)), text: '' };
    case 2: { // byte flip: replace one character by a random one
      const code = rnd() < 0.8 ? 32 + Math.floor(rnd() * 95) : Math.floor(rnd() * 0x3000);
      return { start: at, end: Math.min(text.length, at + 1), text: String.fromCharCode(code) };
    }
    case 3: return { start: line.start, end: line.end, text: '' };
    case 4: return { start: line.start, end: line.start, text: text.slice(line.start, line.end) };
    case 5: return { start: line.start, end: line.start, text: rnd() < 0.5 ? '  ' : ' ' };
    case 6: return text.startsWith(' ', line.start) ? { start: line.start, end: line.start + 1, text: '' } : { start: at, end: at, text: '\n' };
    case 7: { // splice: a slice of another document
      const donor = pick(donors);
      const from = Math.floor(rnd() * donor.length);
      return { start: at, end: at, text: donor.slice(from, from + 1 + Math.floor(rnd() * 200)) };
    }
    case 8: return { start: text.length, end: text.length, text: `${text.endsWith('\n') || text === '' ? '' : '\n'}---\n${pick(donors)}` };
    case 9: { // a document disappears: from one `---` line to the next
      const markers = [...text.matchAll(/^---/gm)].map((m) => m.index!);
      if (markers.length === 0) return { start: at, end: at, text: '---\n' };
      const i = Math.floor(rnd() * markers.length);
      return { start: markers[i]!, end: markers[i + 1] ?? text.length, text: '' };
    }
    default: return { start: at, end: at, text: pick(YAML_TOKENS) + pick(YAML_TOKENS) };
  }
}

/** [start, end) of each line including its line end. */
function lineSpans(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    out.push({ start, end: i + 1 });
    start = i + 1;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}
