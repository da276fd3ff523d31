// What a user does in the code-server workbench, as Playwright steps: open a file from the explorer, find a token
// in the editor, read the editor's lines. Selectors are VS Code's own DOM classes (stable across 1.9x releases).
import type { Locator, Page } from 'playwright-core';

const TIMEOUT_MS = 30_000;

/** Opens `name` from the explorer and waits until its text is shown. */
export async function openFromExplorer(page: Page, name: string): Promise<void> {
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).click();
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: TIMEOUT_MS });
  await activeEditor(page).locator('.view-lines .view-line').first().waitFor({ timeout: TIMEOUT_MS });
}

export function activeEditor(page: Page): Locator {
  return page.locator('.editor-group-container.active .monaco-editor').first();
}

/** The rendered token whose whole text is `text` (Monaco renders each token as its own span). */
export function token(page: Page, text: string): Locator {
  return activeEditor(page).locator('.view-lines span span', { hasText: new RegExp(`^${escapeRegExp(text)}$`) }).first();
}

/**
 * The editor's visible lines as plain text. Monaco positions lines absolutely and may keep them out of order in
 * the DOM, so callers should look for lines, not rely on their order.
 */
export async function visibleLines(page: Page): Promise<string[]> {
  const lines = await activeEditor(page).locator('.view-lines .view-line').allInnerTexts();
  return lines.map((l) => l.replace(/\u00a0/g, ' '));
}

/** Waits until some visible line satisfies `accept`; fails with the lines last seen. */
export async function waitForLine(page: Page, accept: (line: string) => boolean, what: string): Promise<string> {
  const deadline = Date.now() + TIMEOUT_MS;
  let lines: string[] = [];
  while (Date.now() < deadline) {
    lines = await visibleLines(page);
    const hit = lines.find(accept);
    if (hit !== undefined) return hit;
    await page.waitForTimeout(100);
  }
  throw new Error(`no editor line ${what}; lines: ${JSON.stringify(lines)}`);
}

/** Runs a command through the command palette by its title, as a user would. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: TIMEOUT_MS });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: TIMEOUT_MS });
  await page.keyboard.press('Enter');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
