import type { Page } from 'playwright-core';

/** Renames the open design in the mesh inspector: an unsaved change. */
export async function renameDesign(page: Page, name: string): Promise<void> {
  await page.getByTestId('mesh-inspector').getByLabel('Name').fill(name);
  await page.getByTestId('mesh-inspector').getByLabel('Name').press('Tab');
}

/** What the app's autosave slots hold, read from IndexedDB, where the app keeps them. */
function autosavedSlots(page: Page): Promise<{ text?: unknown; contractDrafts?: Record<string, string> }[]> {
  return page.evaluate(
    () =>
      new Promise<{ text?: unknown; contractDrafts?: Record<string, string> }[]>((resolve, reject) => {
        const request = indexedDB.open('data-mesh-designer');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const read = request.result.transaction('kv').objectStore('kv').getAll();
          read.onerror = () => reject(read.error);
          read.onsuccess = () => resolve(read.result);
        };
      }),
  );
}

/** The design names held in the app's autosave slots. */
export async function autosavedNames(page: Page): Promise<string[]> {
  return (await autosavedSlots(page)).flatMap((slot) =>
    typeof slot.text === 'string' ? [(JSON.parse(slot.text) as { name: string }).name] : [],
  );
}

/** Waits until an autosave slot holds contract text with problems that contains `text`. */
export async function waitForAutosavedDraft(page: Page, text: string): Promise<void> {
  for (;;) {
    const drafts = (await autosavedSlots(page)).flatMap((slot) => Object.values(slot.contractDrafts ?? {}));
    if (drafts.some((draft) => draft.includes(text))) return;
    await page.waitForTimeout(100);
  }
}

/** Waits until an autosave slot holds a design called `name`. */
export async function waitForAutosave(page: Page, name: string): Promise<void> {
  for (;;) {
    if ((await autosavedNames(page)).includes(name)) return;
    // Polls the condition; the copy is due a second after the last change.
    await page.waitForTimeout(100);
  }
}

/** Waits until an autosave slot holds a design whose text contains `text`. */
export async function waitForAutosaveHolding(page: Page, text: string): Promise<void> {
  for (;;) {
    if ((await autosavedSlots(page)).some((slot) => typeof slot.text === 'string' && slot.text.includes(text))) return;
    await page.waitForTimeout(100);
  }
}

/** Cuts every autosaved copy's design text in half, as a crash mid-write would; the text one now holds. */
export function cutOffAutosavedCopies(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const request = indexedDB.open('data-mesh-designer');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const store = request.result.transaction('kv', 'readwrite').objectStore('kv');
          const cursor = store.openCursor();
          let cutOff = '';
          cursor.onerror = () => reject(cursor.error);
          cursor.onsuccess = () => {
            const entry = cursor.result;
            if (!entry) return resolve(cutOff);
            const slot = entry.value as { text?: unknown };
            if (typeof slot.text === 'string') {
              cutOff = slot.text.slice(0, slot.text.length / 2);
              entry.update({ ...slot, text: cutOff });
            }
            entry.continue();
          };
        };
      }),
  );
}
