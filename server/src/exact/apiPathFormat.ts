// Segments back to the API server's notation: names joined by dots, indexes and map keys in brackets.
import type { ApiSegment } from '../engine/fieldPathRange';

export function formatApiPath(segments: readonly ApiSegment[], mapKeyAt: (i: number) => boolean = () => false): string {
  let out = '';
  segments.forEach((seg, i) => {
    if (typeof seg === 'number' || mapKeyAt(i)) out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  });
  return out;
}
