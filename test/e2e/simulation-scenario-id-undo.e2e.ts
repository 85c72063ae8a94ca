import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium } from './app-driver';
import { openByChooser } from './designer-driver';
import { enterSimulate, openTab, replaceEditorText } from './simulation-driver';

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

async function shownScenarioText(page: Page): Promise<string> {
  return ((await page.getByTestId('scenario-editor').locator('.view-lines').textContent()) ?? '').replace(/\s+/g, ' ');
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
});
