import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { type AppSession, describeInChromium } from './app-driver';
import { openByChooser } from './designer-driver';
import { currentTick, enterSimulate, openTab, replaceEditorText, runTo, step } from './simulation-driver';

/** The e-commerce sample with a second scenario, as a facilitator prepares a morning and an evening session. */
function sampleWithTwoScenarios(): string {
  const mesh = JSON.parse(readFileSync(new URL('../../assets/samples/ecommerce.mesh.json', import.meta.url), 'utf8'));
  const [workshop] = mesh.scenarios;
  mesh.scenarios.push({ ...workshop, id: 'evening', name: 'Evening rush', seed: 11 });
  return JSON.stringify(mesh, null, 2);
}

function chosenScenario(page: Page): Promise<string> {
  return page
    .getByRole('combobox', { name: 'Scenario', exact: true })
    .evaluate((picker: HTMLSelectElement) => picker.selectedOptions[0]?.text ?? '');
}

async function scenarioState(page: Page): Promise<string> {
  return (await page.locator('.scenario-editor__state').textContent()) ?? '';
}

async function shownScenarioText(page: Page): Promise<string> {
  return ((await page.getByTestId('scenario-editor').locator('.view-lines').textContent()) ?? '').replace(/\s+/g, ' ');
}

/** The shop with two scenarios in Simulate, its Workshop day renamed Morning session in the Scenario tab and applied. */
async function workshopRenamedAndApplied(session: AppSession): Promise<Page> {
  const page = await session.openApp({ withoutFileSystemAccess: true });
  await openByChooser(page, 'shop.mesh.json', sampleWithTwoScenarios());
  await enterSimulate(page);
  await openTab(page, 'Scenario');
  const [workshop] = JSON.parse(sampleWithTwoScenarios()).scenarios;
  await replaceEditorText(page, 'scenario-editor', JSON.stringify({ ...workshop, name: 'Morning session' }, null, 2));
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect.poll(() => scenarioState(page)).toBe('Saved in the design: it runs from the next reset.');
  return page;
}

/** The shop with two scenarios in Simulate, Evening rush chosen, then New scenario pressed: the page and the new scenario's name. */
async function newScenarioAfterEveningRush(session: AppSession): Promise<{ page: Page; added: string }> {
  const page = await session.openApp({ withoutFileSystemAccess: true });
  await openByChooser(page, 'shop.mesh.json', sampleWithTwoScenarios());
  await enterSimulate(page);
  await page.getByRole('combobox', { name: 'Scenario', exact: true }).selectOption({ label: 'Evening rush' });
  await openTab(page, 'Scenario');
  await page.getByRole('button', { name: 'New scenario' }).click();
  await expect.poll(() => chosenScenario(page)).not.toBe('Evening rush');
  return { page, added: await chosenScenario(page) };
}

describeInChromium('a scenario whose id an Apply changed', (session) => {
  it('stays chosen, under the id it then has, through the undo and redo of that Apply', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openByChooser(page, 'shop.mesh.json', sampleWithTwoScenarios());
    await enterSimulate(page);
    await page.getByRole('combobox', { name: 'Scenario', exact: true }).selectOption({ label: 'Evening rush' });
    await openTab(page, 'Scenario');
    const evening = JSON.parse(sampleWithTwoScenarios()).scenarios[1];
    await replaceEditorText(page, 'scenario-editor', JSON.stringify({ ...evening, id: 'late-evening' }, null, 2));
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => shownScenarioText(page)).toContain('"id": "late-evening"');

    await page.getByRole('button', { name: 'Undo' }).click();

    await expect.poll(() => shownScenarioText(page)).toContain('"id": "evening"');
    expect(await chosenScenario(page)).toBe('Evening rush');

    await page.getByRole('button', { name: 'Redo' }).click();

    await expect.poll(() => shownScenarioText(page)).toContain('"id": "late-evening"');
    expect(await chosenScenario(page)).toBe('Evening rush');
  });

  it('keeps the run at its tick through an Apply of a new id, and says nothing pending once that Apply is undone', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openByChooser(page, 'shop.mesh.json', sampleWithTwoScenarios());
    await enterSimulate(page);
    await page.getByRole('combobox', { name: 'Scenario', exact: true }).selectOption({ label: 'Evening rush' });
    await runTo(page, 2);
    await openTab(page, 'Scenario');
    const evening = JSON.parse(sampleWithTwoScenarios()).scenarios[1];
    await replaceEditorText(page, 'scenario-editor', JSON.stringify({ ...evening, id: 'late-evening' }, null, 2));
    await page.getByRole('button', { name: 'Apply' }).click();
    // Only the id changed: the run goes on with the scenario under that id, so nothing waits for a reset.
    await expect.poll(() => scenarioState(page)).toBe('Saved in the design; the run uses it');
    expect(await currentTick(page)).toBe(2);

    await page.getByRole('button', { name: 'Undo' }).click();

    await expect.poll(() => shownScenarioText(page)).toContain('"id": "evening"');
    expect(await scenarioState(page)).toBe('Saved in the design; the run uses it');
    expect(await currentTick(page)).toBe(2);
    await step(page);
    expect(await currentTick(page)).toBe(3);
  });

  it('says the text is saved once undo and redo in the editor bring back the text just applied', async () => {
    const page = await workshopRenamedAndApplied(session);

    await page.getByTestId('scenario-editor').locator('.view-lines').click();
    await page.keyboard.press('ControlOrMeta+z');
    await expect.poll(() => scenarioState(page)).toBe('Not applied yet');
    await page.keyboard.press('ControlOrMeta+Shift+z');

    await expect.poll(() => scenarioState(page)).toBe('Saved in the design: it runs from the next reset.');
    expect(await page.getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);
  });
});

describeInChromium('a scenario added by New scenario', (session) => {
  it('chooses again the scenario chosen before New scenario once it is undone, and the new one once redone', async () => {
    const { page, added } = await newScenarioAfterEveningRush(session);

    await page.getByRole('button', { name: 'Undo' }).click();

    await expect.poll(() => chosenScenario(page)).toBe('Evening rush');
    await expect.poll(() => shownScenarioText(page)).toContain('"id": "evening"');

    await page.getByRole('button', { name: 'Redo' }).click();

    await expect.poll(() => chosenScenario(page)).toBe(added);
  });

  it('is undone and redone by the keys of the editor it leaves the focus in, which has no typing of its own to undo', async () => {
    const { page, added } = await newScenarioAfterEveningRush(session);
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.monaco-editor'))).toBe(true);

    await page.keyboard.press('ControlOrMeta+z');

    await expect.poll(() => chosenScenario(page)).toBe('Evening rush');
    await expect.poll(() => shownScenarioText(page)).toContain('"id": "evening"');

    await page.getByTestId('scenario-editor').locator('.view-lines').click();
    await page.keyboard.press('ControlOrMeta+Shift+z');

    await expect.poll(() => chosenScenario(page)).toBe(added);
    await page.getByTestId('scenario-editor').locator('.view-lines').click();
    await page.keyboard.press('ControlOrMeta+z');
    await expect.poll(() => chosenScenario(page)).toBe('Evening rush');
    await page.getByTestId('scenario-editor').locator('.view-lines').click();
    await page.keyboard.press('Control+y');
    await expect.poll(() => chosenScenario(page)).toBe(added);
  });
});

describeInChromium('an Apply undone from the scenario editor’s keys', (session) => {
  it('takes back the typing first, then the Apply, and redoes them in the opposite order', async () => {
    const page = await workshopRenamedAndApplied(session);

    await page.keyboard.press('ControlOrMeta+z');
    await expect.poll(() => scenarioState(page)).toBe('Not applied yet');
    await page.keyboard.press('ControlOrMeta+z');

    await expect.poll(() => scenarioState(page)).toBe('Saved in the design; the run uses it');
    expect(await chosenScenario(page)).toBe('Workshop day');
    expect(await shownScenarioText(page)).not.toContain('Morning session');

    await page.keyboard.press('ControlOrMeta+Shift+z');

    await expect.poll(() => scenarioState(page)).toBe('Saved in the design: it runs from the next reset.');
    expect(await chosenScenario(page)).toBe('Morning session');
    expect(await page.getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);
  });
});
