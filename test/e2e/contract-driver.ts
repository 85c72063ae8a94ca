import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Helpers that work the contract editor the way a user does. */

/** Monaco's EditContext takes keys a moment after it takes the focus. */
export const EDIT_CONTEXT_SETTLE_MILLIS = 250;

export async function openContract(page: Page, name: string): Promise<void> {
  await page
    .getByRole('region', { name: 'Contracts' })
    .getByRole('button', { name: new RegExp(`^${name}\\s*(event|entity)`) })
    .click();
  await page.locator('.yaml-editor .monaco-editor').waitFor();
}

/**
 * Puts the caret at the end of the first editor line containing `text` (Monaco renders lines as
 * spans). The editor lays itself out once more after it appears, so the click is repeated until
 * the editor has the focus.
 */
export async function caretAfter(page: Page, text: string): Promise<void> {
  await focusYamlAt(page, page.locator('.yaml-editor .view-line', { hasText: text }).first());
  await page.keyboard.press('End');
}

/** Clicks `place` in the YAML editor until the editor has the focus. */
async function focusYamlAt(page: Page, place: Locator): Promise<void> {
  const focusedEditor = page.locator('.yaml-editor .monaco-editor.focused');
  await place.click();
  for (let attempt = 0; attempt < 5 && (await focusedEditor.count()) === 0; attempt++) {
    await page.waitForTimeout(100);
    await place.click();
  }
  await page.waitForTimeout(EDIT_CONTEXT_SETTLE_MILLIS);
}

/** The editor itself, clicked in its middle: the first line drawn may be out of view. Its rename box (F2) is a Monaco editor too. */
const yamlEditor = (page: Page) => page.locator('.yaml-editor .monaco-editor:not(.rename-box)');

/** The rows of the YAML editor's suggestion list (completion), while it is open. */
export const suggestionRows = (page: Page) => page.locator('.suggest-widget.visible .monaco-list-row');

/** Pastes `text` over the YAML editor's whole text, through the system clipboard. */
export async function pasteOverYaml(page: Page, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((pasted) => navigator.clipboard.writeText(pasted), text);
  await focusYamlAt(page, yamlEditor(page));
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+v');
}

/** The YAML editor's whole text, copied out through the system clipboard (lines out of view are not rendered). */
export async function copyOfYaml(page: Page): Promise<string> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await focusYamlAt(page, yamlEditor(page));
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+c');
  return page.evaluate(() => navigator.clipboard.readText());
}

/**
 * Searches the YAML with Monaco's find widget (lines out of view are not rendered) and returns
 * its match count, e.g. "1 of 1" or "No results", which follows later edits. The search text is
 * filled in rather than typed: keys typed while the focus moves into the widget can be lost.
 */
export async function findInYaml(page: Page, text: string): Promise<Locator> {
  if ((await page.locator('.yaml-editor .monaco-editor.focused').count()) === 0) {
    await caretAfter(page, 'kind: DataContract');
  }
  await page.keyboard.press('Control+f');
  await page.locator('.find-widget.visible').getByRole('textbox', { name: 'Find' }).fill(text);
  return page.locator('.find-widget .matchesCount');
}

/** Puts the caret at the end of the line holding `text`, which must occur once, wherever the editor is scrolled. */
export async function caretAtEndOf(page: Page, text: string): Promise<void> {
  await (await findInYaml(page, text)).filter({ hasText: /^1 of 1$/ }).waitFor();
  await page.keyboard.press('Escape');
  await page.locator('.find-widget.visible').waitFor({ state: 'detached' });
  await page.waitForTimeout(EDIT_CONTEXT_SETTLE_MILLIS);
  await page.keyboard.press('End');
}

/**
 * Opens the quick fixes (Ctrl+.) and waits for `title` among them. On a busy machine the key can
 * come before Monaco has the problem's marker at the caret ("No code actions"), so it is pressed
 * again, as a user would.
 */
export async function openQuickFix(page: Page, title: string): Promise<void> {
  const fix = page.locator('.action-widget', { hasText: title });
  await expect
    .poll(async () => {
      await page.keyboard.press('Control+.');
      const shown = await fix.waitFor({ timeout: 3_000 }).then(
        () => true,
        () => false,
      );
      if (!shown) await page.keyboard.press('Escape');
      return shown;
    })
    .toBe(true);
}

/** The save picker answered with a file of the page's own private file system: a real handle. */
export async function savePickerInPrivateFiles(page: Page): Promise<void> {
  await page.evaluate(() => {
    Object.assign(window, {
      showSaveFilePicker: async ({ suggestedName }: { suggestedName: string }) =>
        (await navigator.storage.getDirectory()).getFileHandle(suggestedName, { create: true }),
    });
  });
}

/** Opens a contract file with Open contract… in the Contracts list, through the browser's file chooser. */
export async function openContractFile(page: Page, fileName: string, text: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('region', { name: 'Contracts' }).getByRole('button', { name: 'Open contract…' }).click();
  await (await chooser).setFiles({ name: fileName, mimeType: 'application/yaml', buffer: Buffer.from(text) });
}

export async function problems(page: Page): Promise<string> {
  return (await page.locator('.contract-problems').textContent()) ?? '';
}

export async function showView(page: Page, view: 'YAML' | 'Form' | 'Preview' | 'Diff' | 'Diagram'): Promise<void> {
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: view, exact: true }).click();
}

/** A file to drop: its text (written as UTF-8), or its bytes as they are. */
export type DroppedFile = { name: string; text: string } | { name: string; bytes: readonly number[] };

/** Drops files on the window, as dragging them from the file manager does. */
export async function dropFiles(page: Page, files: DroppedFile[]): Promise<void> {
  await page.evaluate((dropped) => {
    const transfer = new DataTransfer();
    for (const file of dropped) {
      transfer.items.add(new File(['text' in file ? file.text : new Uint8Array(file.bytes)], file.name));
    }
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files);
}

/** Drags from one field's right dot to another field's left dot in the schema diagram. */
export async function dragRelationship(
  page: Page,
  from: { table: string; field: string },
  to: { table: string; field: string },
): Promise<void> {
  const handle = (table: string, id: string) =>
    page.locator(`.react-flow__node[data-id="${table}"] .react-flow__handle[data-handleid="${id}"]`);
  const source = await handle(from.table, `out:${from.field}`).boundingBox();
  const target = await handle(to.table, `in:${to.field}`).boundingBox();
  if (!source || !target) throw new Error(`no handle for ${from.table}.${from.field} or ${to.table}.${to.field}`);
  const centre = (box: { x: number; y: number; width: number; height: number }) => ({
    x: box.x + box.width / 2,
    y: box.y + box.height / 2,
  });
  await page.mouse.move(centre(source).x, centre(source).y);
  await page.mouse.down();
  await page.mouse.move(centre(target).x, centre(target).y, { steps: 10 });
  await page.mouse.up();
}

/** The YAML editor's lines in view that start with `start` (`domain:`), as they read on screen. */
export async function yamlLinesStartingWith(page: Page, start: string): Promise<string[]> {
  const lines = await page.locator('.yaml-editor .view-line').allTextContents();
  return lines.map((line) => line.replaceAll('\u00a0', ' ')).filter((line) => line.startsWith(start));
}
