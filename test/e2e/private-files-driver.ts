import type { Page } from 'playwright-core';

/** The text of a file in the page's private files (where the browser host's save pickers write in these tests). */
export const privateFileText = (page: Page, name: string) =>
  page.evaluate(async (fileName) => {
    const handle = await (await navigator.storage.getDirectory()).getFileHandle(fileName);
    return (await handle.getFile()).text();
  }, name);

/** Another program rewrites the file as `rewrite` has it. */
export async function writeBehindTheApp(page: Page, name: string, rewrite: (text: string) => string): Promise<void> {
  const text = await privateFileText(page, name);
  await page.evaluate(
    async ([fileName, rewritten]) => {
      const handle = await (await navigator.storage.getDirectory()).getFileHandle(fileName);
      const writable = await handle.createWritable();
      await writable.write(rewritten);
      await writable.close();
    },
    [name, rewrite(text)] as const,
  );
}
