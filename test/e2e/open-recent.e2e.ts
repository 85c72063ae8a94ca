import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { serializeMesh } from '../../shared/model';
import { aMesh } from '../builders/mesh-builder';
import { type AppSession, describeInChromium } from './app-driver';
import { openSampleDesign } from './designer-driver';
import { privateFileText, writeBehindTheApp } from './private-files-driver';

/**
 * The file pickers answered with files of the page's own private file system: real handles, which
 * the app keeps in IndexedDB across a reload as it keeps the handles of files a user picks.
 */
async function pickersInPrivateFiles(page: Page): Promise<void> {
  const stub = () => {
    const folder = () => navigator.storage.getDirectory();
    Object.assign(window, {
      showSaveFilePicker: async ({ suggestedName }: { suggestedName: string }) =>
        (await folder()).getFileHandle(suggestedName, { create: true }),
      showOpenFilePicker: async () => [await (await folder()).getFileHandle('picked.mesh.json')],
    });
  };
  await page.evaluate(stub);
  await page.addInitScript(stub);
}

const removePrivateFile = (page: Page, name: string) =>
  page.evaluate(async (fileName) => (await navigator.storage.getDirectory()).removeEntry(fileName), name);

/** The e-commerce sample saved as `e-commerce-mesh.mesh.json` (Save offers the design's name). */
async function aSavedSample(session: AppSession): Promise<Page> {
  const page = await session.openApp();
  await pickersInPrivateFiles(page);
  await openSampleDesign(page, 'ecommerce');
  await page.keyboard.press('ControlOrMeta+s');
  await expect.poll(() => page.title()).not.toContain('•');
  // The handle is kept after the file is written: once the palette, opened anew, offers it, a reload finds it.
  await expect.poll(() => paletteOptions(page, 'open recent')).toContain('FileOpen Recent: e-commerce-mesh.mesh.json');
  return page;
}

/** The command palette's options for `query`, the palette closed again (it lists what it found when it opened). */
async function paletteOptions(page: Page, query: string): Promise<string[]> {
  await page.keyboard.press('ControlOrMeta+Shift+p');
  await page.keyboard.type(query);
  const options = await page.getByRole('option').allTextContents();
  await page.keyboard.press('Escape');
  return options;
}

describeInChromium('recent designs in the browser', (session) => {
  it('lists a saved design on the start screen and in the palette after a reload, and reopens it', async () => {
    const page = await aSavedSample(session);

    await page.reload();
    const recent = page.getByRole('region', { name: 'Recent designs' }).getByRole('button');
    // The start screen reads the kept handles from IndexedDB once the page has loaded.
    await expect.poll(() => recent.allTextContents()).toEqual(['e-commerce-mesh.mesh.json']);
    await expect
      .poll(() => paletteOptions(page, 'open recent'))
      .toContain('FileOpen Recent: e-commerce-mesh.mesh.json');

    await recent.first().click();
    await page.waitForSelector('.react-flow__node-product');
  });

  it('drops a design that is gone from the list when chosen, saying so', async () => {
    const page = await aSavedSample(session);
    await removePrivateFile(page, 'e-commerce-mesh.mesh.json');

    await page.reload();
    await page.getByRole('region', { name: 'Recent designs' }).getByRole('button').click();

    await page
      .getByRole('alert')
      .filter({
        hasText: 'Could not open e-commerce-mesh.mesh.json: it is no longer there (moved, renamed or deleted)',
      })
      .waitFor();
    await expect.poll(() => page.getByRole('region', { name: 'Recent designs' }).count()).toBe(0);
  });
});

/** Another program rewrites the file: the design's name is theirs now. */
const renameBehindTheApp = (page: Page, name: string) =>
  writeBehindTheApp(page, name, (text) => text.replace('"name": "', '"name": "Colleague’s '));

describeInChromium('a design another program changed, in the browser', (session) => {
  it('says so when the page is back in front, and Save asks before replacing that version', async () => {
    const page = await aSavedSample(session);
    await renameBehindTheApp(page, 'e-commerce-mesh.mesh.json');

    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await page.getByText('e-commerce-mesh.mesh.json was changed by another program.').waitFor();
    await page.getByRole('button', { name: 'Domain', exact: true }).click();
    await page.keyboard.press('Escape');
    await page.keyboard.press('ControlOrMeta+s');
    const question = page.getByRole('alertdialog', {
      name: 'e-commerce-mesh.mesh.json was changed by another program. Replace that version with yours?',
    });
    await question.getByRole('button', { name: 'Cancel' }).click();

    expect(await privateFileText(page, 'e-commerce-mesh.mesh.json')).toContain('Colleague’s');
    expect(await page.title()).toContain('•');

    await page.keyboard.press('ControlOrMeta+s');
    await question.getByRole('button', { name: 'Replace' }).click();

    await expect.poll(() => page.title()).not.toContain('•');
    expect(await privateFileText(page, 'e-commerce-mesh.mesh.json')).not.toContain('Colleague’s');
  });

  it('offers Reload once Save is cancelled at its question, though the page never lost the focus to tell of the other version', async () => {
    const page = await aSavedSample(session);
    await page.getByRole('button', { name: 'Domain', exact: true }).click();
    await page.keyboard.press('Escape');
    await renameBehindTheApp(page, 'e-commerce-mesh.mesh.json');

    await page.keyboard.press('ControlOrMeta+s');
    await page
      .getByRole('alertdialog', {
        name: 'e-commerce-mesh.mesh.json was changed by another program. Replace that version with yours?',
      })
      .getByRole('button', { name: 'Cancel' })
      .click();

    await page
      .getByText('e-commerce-mesh.mesh.json was changed by another program, and you have unsaved changes here.')
      .waitFor();
    await page.getByRole('button', { name: 'Reload' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Discard and Reload' }).click();
    await expect.poll(() => page.title()).not.toContain('•');
    await page
      .getByRole('button', { name: /Colleague’s/ })
      .or(page.getByText(/Colleague’s/))
      .first()
      .waitFor();
  });

  it('asks before Save replaces their version when Reload could not open it (a newer app’s file), and Cancel keeps it', async () => {
    const page = await aSavedSample(session);
    await writeBehindTheApp(page, 'e-commerce-mesh.mesh.json', (text) =>
      text.replace('"schemaVersion": 2', '"schemaVersion": 3'),
    );
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await page.getByRole('button', { name: 'Reload' }).click();
    await page.getByText('schemaVersion: 3 is not a version this app reads').waitFor();

    await page.getByRole('button', { name: 'Domain', exact: true }).click();
    await page.keyboard.press('Escape');
    await page.keyboard.press('ControlOrMeta+s');
    const question = page.getByRole('alertdialog', {
      name: 'e-commerce-mesh.mesh.json was changed by another program. Replace that version with yours?',
    });
    await question.getByRole('button', { name: 'Cancel' }).click();

    expect(await privateFileText(page, 'e-commerce-mesh.mesh.json')).toContain('"schemaVersion": 3');
    expect(await page.title()).toContain('•');
  });

  it('asks before Save writes again a design another program deleted, and Cancel writes nothing', async () => {
    const page = await aSavedSample(session);
    await page.getByRole('button', { name: 'Domain', exact: true }).click();
    await page.keyboard.press('Escape');
    await removePrivateFile(page, 'e-commerce-mesh.mesh.json');

    await page.keyboard.press('ControlOrMeta+s');
    const question = page.getByRole('alertdialog', {
      name: 'e-commerce-mesh.mesh.json was deleted or moved by another program (for example a git checkout). Save it there again?',
    });
    await question.getByRole('button', { name: 'Cancel' }).click();
    expect(await privateFileNames(page)).not.toContain('e-commerce-mesh.mesh.json');
    expect(await page.title()).toContain('•');

    await page.keyboard.press('ControlOrMeta+s');
    await question.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.title()).not.toContain('•');
    expect(await privateFileNames(page)).toContain('e-commerce-mesh.mesh.json');
  });
});

const privateFileNames = (page: Page) =>
  page.evaluate(async () => {
    const names: string[] = [];
    for await (const name of (await navigator.storage.getDirectory()).keys()) names.push(name);
    return names;
  });

/** A design as an older version of the app wrote it, in format 1, put where the Open… picker finds it. */
async function aPickedFileOfFormat1(page: Page): Promise<void> {
  const text = JSON.stringify({ ...JSON.parse(serializeMesh(aMesh().build())), schemaVersion: 1 }, null, 2);
  await page.evaluate(async (written) => {
    const handle = await (await navigator.storage.getDirectory()).getFileHandle('picked.mesh.json', { create: true });
    const writable = await handle.createWritable();
    await writable.write(written);
    await writable.close();
  }, text);
}

const formatOfPickedFile = async (page: Page) =>
  JSON.parse(await privateFileText(page, 'picked.mesh.json')).schemaVersion;

describeInChromium('a design an older version wrote, in the browser', (session) => {
  it('says so on open, and the first save over it asks before writing the format older versions cannot open', async () => {
    const page = await session.openApp();
    await pickersInPrivateFiles(page);
    await aPickedFileOfFormat1(page);

    await page.getByRole('button', { name: 'Open…', exact: true }).click();
    await expect
      .poll(() => page.locator('.status-bar .notice__text').textContent())
      .toBe(
        'Opened picked.mesh.json, written by an older version (format 1). Saving writes format 2, which older versions cannot open.',
      );

    await page.keyboard.press('ControlOrMeta+s');
    const question = page.getByRole('alertdialog', {
      name: 'picked.mesh.json was written by an older version (format 1). Save it in format 2?',
    });
    expect(await question.getByRole('button').allTextContents()).toEqual([
      'Save in the New Format',
      'Save as a Copy…',
      'Cancel',
    ]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await page.keyboard.press('Enter');
    await question.waitFor({ state: 'detached' });
    expect(await formatOfPickedFile(page)).toBe(1);

    await page.keyboard.press('ControlOrMeta+s');
    await question.getByRole('button', { name: 'Save in the New Format' }).click();
    await expect.poll(() => formatOfPickedFile(page)).toBe(2);
    await page.keyboard.press('ControlOrMeta+s');
    await page.locator('.status-bar').getByText('Saved picked.mesh.json').waitFor();
    expect(await question.count()).toBe(0);
  });
});
