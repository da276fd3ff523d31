// Where e2e screenshots go. The README's pictures (docs/images) are only rewritten on request, so an ordinary test
// run doesn't leave changed PNGs in the working tree; everything else, and every failure, lands in test-results/.
import * as path from 'node:path';
import type { CodeServer } from './codeServer';
import { testResultsDir } from './codeServer';
import { repoRoot } from './editorTools';

export const docsImagesDir = path.join(repoRoot, 'docs', 'images');

/** PODSCOPE_DOCS_IMAGES=1: write the documentation screenshots into docs/images. */
export function docsScreenshotDir(): string {
  return process.env.PODSCOPE_DOCS_IMAGES === '1' ? docsImagesDir : path.join(testResultsDir, 'screenshots');
}

/** Runs a step; when it throws, saves what the browser showed into test-results/ before rethrowing. */
export async function withFailureScreenshot<T>(cs: CodeServer | undefined, name: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    if (cs?.page) {
      const file = await cs.screenshot(`failed-${name}`).catch(() => undefined);
      if (file && e instanceof Error) e.message += `\nscreenshot: ${file}`;
    }
    throw e;
  }
}
