// What a user does with Podscope's pod explorer in the real workbench, as Playwright steps: open the Pods view,
// run a palette command, use a tree item's context menu, read the tree, the active editor and the terminal.
// Everything waits for what the page shows (selectors, page-side predicates); nothing sleeps for a fixed time.
import type { Locator, Page } from 'playwright-core';

/** A generous bound for anything that goes through the extension host and the cluster. */
export const UI_TIMEOUT = 30_000;

export interface TreePod {
  namespace: string;
  name: string;
  /** The row's description: `STATUS · READY · [RESTARTS ·] AGE`. */
  description: string;
  status: string;
}

// Monaco and xterm render spaces as U+00A0 in places.
const plain = (s: string | null | undefined): string => (s ?? '').replace(/\u00a0/g, ' ');

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const exactly = (text: string): RegExp => new RegExp(`^${escapeRegExp(text)}$`);

function quickInput(page: Page): { input: Locator; rows: Locator } {
  const widget = page.locator('.quick-input-widget');
  return { input: widget.locator('.quick-input-box input'), rows: widget.locator('.monaco-list-row') };
}

/** Runs a command from the palette by its visible title (e.g. `Podscope: Choose Namespace`). */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const { input, rows } = quickInput(page);
  await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await input.fill(`>${title}`);
  await rows.filter({ hasText: title }).first().click({ timeout: UI_TIMEOUT });
}

/** Picks the item of the open quick pick whose label contains `text`. */
export async function pickQuickItem(page: Page, text: string | RegExp): Promise<void> {
  await quickInput(page).rows.filter({ hasText: text }).first().click({ timeout: UI_TIMEOUT });
}

/** Opens a workspace file through Quick Open and waits for its tab. */
export async function openFile(page: Page, fileName: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const { input, rows } = quickInput(page);
  await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await input.fill(fileName);
  await rows.filter({ hasText: fileName }).first().click({ timeout: UI_TIMEOUT });
  await activeTab(page, fileName).waitFor({ timeout: UI_TIMEOUT });
}

export function activeTab(page: Page, text: string): Locator {
  return page.locator('.tabs-container .tab.active', { hasText: text });
}

// ---- the Pods tree ----

// The Pods view inside the Podscope view container (ids from package.json `contributes`).
const PODS_LIST = '.part.sidebar [id="workbench.view.extension.podscope"] .monaco-list[aria-label="Pods"]';

const podsRows = (page: Page): Locator => page.locator(`${PODS_LIST} .monaco-list-row`);

/** A row of the Pods tree by its exact label at a depth (1 context, 2 namespace, 3 pod, 4 container). */
export function treeRow(page: Page, label: string, level: 1 | 2 | 3 | 4): Locator {
  return page
    .locator(`${PODS_LIST} .monaco-list-row[aria-level="${level}"]`)
    .filter({ has: page.locator('.label-name', { hasText: exactly(label) }) });
}

/** Shows the Podscope activity-bar container and waits for the context row of the Pods tree. */
export async function openPodsView(page: Page): Promise<void> {
  const item = page.locator('.activitybar .action-item').filter({ has: page.locator('a.action-label[aria-label="Podscope"]') });
  if ((await item.getAttribute('class', { timeout: UI_TIMEOUT }))?.split(' ').includes('checked') !== true) {
    await item.click({ timeout: UI_TIMEOUT });
  }
  // A test may have left it collapsed (the Events view alone).
  await setViewExpanded(page, 'Pods', true);
  await page.locator(`${PODS_LIST} .monaco-list-row[aria-level="1"]`).first().waitFor({ timeout: UI_TIMEOUT });
}

/** Switches the tree to all namespaces (the seeded kubeconfig context names `default`). */
export async function showAllNamespaces(page: Page, contextName: string): Promise<void> {
  const description = treeRow(page, contextName, 1).locator('.label-description');
  if ((await description.textContent()) === 'all namespaces') return;
  await runCommand(page, 'Podscope: Choose Namespace');
  await pickQuickItem(page, 'All namespaces');
  await treeRow(page, contextName, 1).locator('.label-description', { hasText: exactly('all namespaces') }).waitFor({ timeout: UI_TIMEOUT });
}

/**
 * Hides the panel (Problems, Terminal, …) or the primary side bar, for a picture that is about the editor; the palette
 * only offers these commands while the part is shown. `openPodsView` brings the side bar back.
 */
export async function hidePart(page: Page, part: 'panel' | 'sidebar'): Promise<void> {
  const element = page.locator(part === 'panel' ? '.part.panel' : '.part.sidebar');
  if (!(await element.isVisible())) return;
  await runCommand(page, part === 'panel' ? 'View: Hide Panel' : 'View: Close Primary Side Bar');
  await element.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
}

/** Expands a collapsed row (namespace or pod) by its twistie and waits until it says it is expanded. */
export async function expandRow(row: Locator): Promise<void> {
  await row.waitFor({ timeout: UI_TIMEOUT });
  if ((await row.getAttribute('aria-expanded')) === 'true') return;
  await row.locator('.monaco-tl-twistie').click();
  await row.and(row.page().locator('[aria-expanded="true"]')).waitFor({ timeout: UI_TIMEOUT });
}

/** The rows the Pods tree renders now, top to bottom: depth (1 context … 4 container), label and description. */
async function readTreeRows(page: Page): Promise<{ level: string | null; name: string; description: string }[]> {
  const rows = await podsRows(page).evaluateAll((els) =>
    els.map((el) => ({
      index: Number(el.getAttribute('data-index')),
      level: el.getAttribute('aria-level'),
      name: el.querySelector('.label-name')?.textContent ?? '',
      description: el.querySelector('.label-description')?.textContent ?? '',
    })),
  );
  return rows.sort((a, b) => a.index - b.index);
}

/** The container rows the tree renders under an expanded pod (by name, in any namespace): label → description. */
export async function readTreeContainers(page: Page, pod: string): Promise<Map<string, string>> {
  const rows = await readTreeRows(page);
  const at = rows.findIndex((r) => r.level === '3' && plain(r.name) === pod);
  const containers = new Map<string, string>();
  for (const r of at < 0 ? [] : rows.slice(at + 1)) {
    if (r.level !== '4') break;
    containers.set(plain(r.name), plain(r.description));
  }
  return containers;
}

/** The pod rows the tree renders now, each with the namespace row it sits under. */
export async function readTreePods(page: Page): Promise<TreePod[]> {
  const rows = await readTreeRows(page);
  const pods: TreePod[] = [];
  let namespace = '';
  for (const r of rows) {
    if (r.level === '2') namespace = plain(r.name);
    if (r.level !== '3') continue;
    const description = plain(r.description);
    pods.push({ namespace, name: plain(r.name), description, status: description.split(' · ')[0] });
  }
  return pods;
}

// ---- the Events view ----

const PODSCOPE_CONTAINER = '.part.sidebar [id="workbench.view.extension.podscope"]';

export interface EventRow {
  /** The event's reason. */
  label: string;
  /** `[namespace ]kind/name · [×count · ]last seen`. */
  description: string;
  warning: boolean;
}

/** Expands or collapses a view of the Podscope container (`Pods`, `Events`) by its header. */
export async function setViewExpanded(page: Page, title: string, expanded: boolean): Promise<void> {
  const header = page.locator(`${PODSCOPE_CONTAINER} .pane-header`).filter({ has: page.locator('.title', { hasText: exactly(title) }) });
  await header.waitFor({ timeout: UI_TIMEOUT });
  if ((await header.getAttribute('aria-expanded')) !== String(expanded)) await header.click();
  await header.and(page.locator(`[aria-expanded="${expanded}"]`)).waitFor({ timeout: UI_TIMEOUT });
}

/**
 * Shows the Events view (collapsed by default, below Pods) alone, with Pods collapsed: the list renders only the
 * rows that fit, and beside Pods only a handful do. `setViewExpanded(page, 'Pods', true)` brings Pods back.
 */
export async function showEventsView(page: Page): Promise<void> {
  await setViewExpanded(page, 'Events', true);
  await setViewExpanded(page, 'Pods', false);
  await page.locator(`${PODSCOPE_CONTAINER} .monaco-list[aria-label="Events"] .monaco-list-row`).first().waitFor({ timeout: UI_TIMEOUT });
}

/** The side bar from its top down to the Events view's last row (the rest of it is empty), for a picture. */
export async function eventsViewRect(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const sidebar = await page.locator('.part.sidebar').boundingBox();
  const rows = await page.locator(`${PODSCOPE_CONTAINER} .monaco-list[aria-label="Events"] .monaco-list-rows`).boundingBox();
  if (!sidebar || !rows) throw new Error('the Events view is not shown');
  const bottom = Math.min(rows.y + rows.height + 8, sidebar.y + sidebar.height);
  return { x: sidebar.x, y: sidebar.y, width: sidebar.width, height: bottom - sidebar.y };
}

/** The rows the Events view renders now, top to bottom. */
export async function readEventRows(page: Page): Promise<EventRow[]> {
  const rows = await page.locator(`${PODSCOPE_CONTAINER} .monaco-list[aria-label="Events"] .monaco-list-row`).evaluateAll((els) =>
    els.map((el) => ({
      index: Number(el.getAttribute('data-index')),
      label: el.querySelector('.label-name')?.textContent ?? '',
      description: el.querySelector('.label-description')?.textContent ?? '',
      warning: el.querySelector('.codicon-warning') !== null,
    })),
  );
  return rows.sort((a, b) => a.index - b.index).map((r) => ({ label: plain(r.label), description: plain(r.description), warning: r.warning }));
}

/**
 * Parks the mouse on an empty part of the side bar and waits for any hover card to close: a pod's tooltip from an
 * earlier step would otherwise cover the rows below it (and end up in screenshots).
 */
export async function dismissHover(page: Page): Promise<void> {
  // With the side bar hidden (a picture of the editor alone), the bottom of the editor area, below the last line.
  const spot = (await page.locator('.part.sidebar').boundingBox()) ?? (await page.locator('.part.editor').boundingBox());
  if (spot) await page.mouse.move(spot.x + spot.width / 2, spot.y + spot.height - 8);
  await page.locator('.workbench-hover').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
}

/**
 * Ready for a screenshot: no hover card, and the page scrolled back to its origin (Playwright's scroll-into-view can
 * nudge the whole workbench by a few pixels).
 */
export async function settle(page: Page): Promise<void> {
  await dismissHover(page);
  await page.locator('html, body, .monaco-workbench').evaluateAll((els) => {
    for (const el of els) {
      el.scrollTop = 0;
      el.scrollLeft = 0;
    }
  });
}

/** Runs a tree item's context-menu entry. */
export async function contextMenu(row: Locator, entry: string): Promise<void> {
  const page = row.page();
  await dismissHover(page);
  await row.click({ button: 'right', timeout: UI_TIMEOUT });
  // The label alone: an entry with a keybinding also shows the key ("Describe Pod  Ctrl+Alt+D").
  const item = page.locator('.monaco-menu .action-item').filter({ has: page.locator('.action-label', { hasText: exactly(entry) }) });
  // A click that lands right after the menu opens is ignored as the tail of the right-click, so the entry is
  // focused by hovering and then run with Enter, which the menu always honours.
  await item.hover({ timeout: UI_TIMEOUT });
  await item.and(page.locator('.focused')).waitFor({ timeout: UI_TIMEOUT });
  await page.keyboard.press('Enter');
  await page.locator('.monaco-menu').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
}

/** Drags the primary side bar's sash so tree descriptions (status · ready · restarts · age) are not cut off. */
export async function widenSidebar(page: Page, width: number): Promise<void> {
  const sidebar = await page.locator('.part.sidebar').boundingBox();
  const sash = await page.locator('.monaco-sash.primary-sidebar-sash').boundingBox();
  if (!sidebar || !sash || sidebar.width >= width) return;
  const y = sash.y + sash.height / 2;
  await page.mouse.move(sash.x + sash.width / 2, y);
  await page.mouse.down();
  await page.mouse.move(sash.x + sash.width / 2 + (width - sidebar.width), y, { steps: 8 });
  await page.mouse.up();
}

// ---- editors, terminal, problems ----

const ACTIVE_GROUP = '.editor-group-container.active';

/** The lines an editor renders now, top to bottom (Monaco keeps its line elements in no fixed order). */
async function renderedLines(page: Page, editor: string): Promise<string[]> {
  const lines = await page.locator(`${editor} .view-lines .view-line`).evaluateAll((els) =>
    els.map((el) => ({ top: parseFloat(el.getAttribute('style')?.match(/top:\s*([\d.]+)px/)?.[1] ?? '0'), text: el.textContent ?? '' })),
  );
  return lines.sort((a, b) => a.top - b.top).map((l) => plain(l.text));
}

/** The lines the active editor renders now, top to bottom. */
export function editorLines(page: Page): Promise<string[]> {
  return renderedLines(page, `${ACTIVE_GROUP} .monaco-editor`);
}

/** The lines one side of the active diff editor renders now: `original` (left) or `modified` (right). */
export function diffLines(page: Page, side: 'original' | 'modified'): Promise<string[]> {
  return renderedLines(page, `${ACTIVE_GROUP} .monaco-diff-editor .editor.${side}`);
}

/** Replaces every `from` in the active editor with `to` through the editor's own Replace widget (Ctrl+H). */
export async function replaceInEditor(page: Page, from: string, to: string): Promise<void> {
  const editor = page.locator(`${ACTIVE_GROUP} .monaco-editor`).first();
  await editor.locator('.view-lines').click({ timeout: UI_TIMEOUT });
  await page.keyboard.press('Control+H');
  const widget = editor.locator('.find-widget.visible');
  await widget.locator('.find-part textarea').fill(from, { timeout: UI_TIMEOUT });
  await widget.locator('.replace-part textarea').fill(to);
  await widget.locator('.replace-part [role="button"][aria-label^="Replace All"]').click();
  await page.keyboard.press('Escape');
  await widget.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
}

/** Runs a code lens of the active editor by its title (e.g. `Apply`, `Check Pod Update`). */
export async function codeLens(page: Page, title: string): Promise<void> {
  const editor = page.locator(`${ACTIVE_GROUP} .monaco-editor`).first();
  // A lens sits above its line; the editor may have scrolled past the first one (revealing a Replace match).
  await editor.locator('.view-lines').hover();
  await page.mouse.wheel(0, -10_000);
  await editor.locator('.codelens-decoration a', { hasText: exactly(title) }).first().click({ timeout: UI_TIMEOUT });
}

/** Clicks an action in the active editor's title bar by its title (e.g. `Apply to the Cluster (Server-Side Apply)`). */
export async function editorTitleAction(page: Page, title: string): Promise<void> {
  await page.locator(`${ACTIVE_GROUP} .editor-actions .action-label[aria-label^=${cssString(title)}]`).first().click({ timeout: UI_TIMEOUT });
}

/** The modal dialog whose message matches, once it is shown (its detail text is `.dialog-message-detail`). */
export async function dialog(page: Page, message: RegExp): Promise<Locator> {
  const box = page.locator('.monaco-dialog-box').filter({ has: page.locator('.dialog-message-text', { hasText: message }) });
  await box.waitFor({ timeout: UI_TIMEOUT });
  return box;
}

/** Clicks a button of a dialog or notification by its exact label. */
export async function clickButton(container: Locator, label: string): Promise<void> {
  await container.locator('.monaco-button', { hasText: exactly(label) }).first().click({ timeout: UI_TIMEOUT });
}

/**
 * The notification whose message matches, from the notification center (opened if need be): a message shown while a
 * progress notification runs goes there without a toast.
 */
export async function notification(page: Page, message: RegExp): Promise<Locator> {
  const center = page.locator('.notifications-center');
  if (!(await center.isVisible())) await runCommand(page, 'Notifications: Show Notifications');
  const item = center.locator('.notification-list-item').filter({ has: page.locator('.notification-list-item-message', { hasText: message }) }).first();
  await item.waitFor({ timeout: UI_TIMEOUT });
  return item;
}

/** Closes the notification center, so it covers nothing. */
export async function hideNotifications(page: Page): Promise<void> {
  if (await page.locator('.notifications-center').isVisible()) await runCommand(page, 'Notifications: Hide Notifications');
  await page.locator('.notifications-center').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
}

/** Answers the open input box whose title contains `title` with `text` (empty: Enter on its default). */
export async function answerInputBox(page: Page, title: string, text: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-title', { hasText: title }).waitFor({ timeout: UI_TIMEOUT });
  await widget.locator('.quick-input-box input').fill(text);
  // An Enter that lands while a validated box is still checking the text is dropped: press it again until the box
  // with this title is gone (a following step pressing a key into it would cancel it).
  const box = widget.locator('.quick-input-title', { hasText: title });
  const deadline = Date.now() + UI_TIMEOUT;
  while (await box.isVisible()) {
    if (Date.now() > deadline) throw new Error(`the input box "${title}" did not take ${JSON.stringify(text)}`);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(250);
  }
}

/** Waits until the active editor renders a line that satisfies `match`, and returns the lines shown then. */
export async function waitForEditorLine(page: Page, match: (line: string) => boolean, what: string): Promise<string[]> {
  const deadline = Date.now() + UI_TIMEOUT;
  for (;;) {
    const lines = await editorLines(page);
    if (lines.some(match)) return lines;
    if (Date.now() > deadline) throw new Error(`the editor never showed ${what}; it shows:\n${lines.join('\n')}`);
    await page.waitForTimeout(200);
  }
}

/** The rows of the active terminal (DOM renderer: the test turns GPU acceleration off). */
export async function terminalRows(page: Page): Promise<string[]> {
  const rows = await page.locator('.terminal-wrapper.active .xterm-rows > div').allTextContents();
  return rows.map((r) => plain(r).trimEnd());
}

/** Waits until some row of the active terminal satisfies `match`. */
export async function waitForTerminalRow(page: Page, match: (row: string) => boolean, what: string): Promise<string[]> {
  const deadline = Date.now() + UI_TIMEOUT;
  for (;;) {
    const rows = await terminalRows(page);
    if (rows.some(match)) return rows;
    if (Date.now() > deadline) throw new Error(`the terminal never showed ${what}; it shows:\n${rows.join('\n')}`);
    await page.waitForTimeout(200);
  }
}

function cssString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\a ')}"`;
}

/** Opens the Problems panel and returns the row whose accessible text matches `pattern`, once it is there. */
export async function problem(page: Page, pattern: RegExp): Promise<Locator> {
  // Ctrl+Shift+M toggles the panel: press it only while the panel is hidden.
  if (!(await page.locator('.markers-panel').isVisible())) await page.keyboard.press('Control+Shift+M');
  const rows = page.locator('.markers-panel .monaco-list-row');
  const deadline = Date.now() + UI_TIMEOUT;
  for (;;) {
    const labels = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
    const i = labels.findIndex((l) => pattern.test(plain(l)));
    // By its label, not its index: the list re-renders whenever a source republishes (the engine after every
    // check), so the row at index i a moment later can be another diagnostic.
    if (i >= 0) return rows.and(page.locator(`[aria-label=${cssString(labels[i]!)}]`)).first();
    if (Date.now() > deadline) throw new Error(`no problem matches ${pattern}; the Problems panel lists:\n${labels.join('\n')}`);
    await page.waitForTimeout(200);
  }
}
