import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';

/** Helpers for the Export dialog, worked as a user does: keys, clicks, the download it makes. */

export const exportDialog = (page: Page) => page.getByTestId('dialog-export');

/** Opens the dialog with Ctrl+E and waits until every file of the bundle is listed. */
export async function openExportDialog(page: Page): Promise<void> {
  await page.keyboard.press('Control+e');
  await exportDialog(page).getByTestId('export-ready').waitFor();
}

/** Downloads the bundle (the browser zips it) and returns its entries' bytes, by path. */
export async function downloadBundleBytes(page: Page): Promise<{ name: string; files: Map<string, Uint8Array> }> {
  const download = page.waitForEvent('download');
  await exportDialog(page).getByTestId('export-write').click();
  const file = await download;
  const entries = unzipSync(new Uint8Array(readFileSync(await file.path())));
  return { name: file.suggestedFilename(), files: new Map(Object.entries(entries)) };
}

/** Downloads the bundle and returns its entries as text, by path. */
export async function downloadBundle(page: Page): Promise<{ name: string; files: Map<string, string> }> {
  const { name, files } = await downloadBundleBytes(page);
  return { name, files: new Map([...files].map(([path, bytes]) => [path, strFromU8(bytes)])) };
}

/** The text the preview's Monaco shows (its rendered lines). */
export async function previewText(page: Page): Promise<string> {
  return ((await exportDialog(page).locator('.export-preview .view-lines').textContent()) ?? '').replace(
    /\u00a0/g,
    ' ',
  );
}
