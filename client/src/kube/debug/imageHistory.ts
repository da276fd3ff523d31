// The debug images used lately, newest first, remembered in globalState: the quick pick offers them under the
// podscope.debug.image default, so a team's own debug image is one keystroke away after its first use.
import type { MementoLike } from '../cluster/connectionPrefs';

const KEY = 'podscope.debug.imageHistory';
export const IMAGE_HISTORY_SIZE = 10;

export class ImageHistory {
  constructor(private readonly memento: MementoLike) {}

  list(): string[] {
    const stored = this.memento.get<unknown>(KEY);
    return Array.isArray(stored) ? stored.filter((s): s is string => typeof s === 'string') : [];
  }

  async remember(image: string): Promise<void> {
    const next = [image, ...this.list().filter((i) => i !== image)].slice(0, IMAGE_HISTORY_SIZE);
    await this.memento.update(KEY, next);
  }
}

/** The quick pick's images: the default first, then the history without it. */
export function imageChoices(defaultImage: string, history: readonly string[]): string[] {
  return [...new Set([defaultImage, ...history].filter((i) => i.trim() !== ''))];
}
