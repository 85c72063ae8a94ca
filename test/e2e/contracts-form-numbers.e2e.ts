import { expect, it } from 'vitest';
import { describeInChromium } from './app-driver';
import { copyOfYaml, openContract, openContractFile, showView } from './contract-driver';
import { newBlankDesign } from './designer-driver';

const ROOM_NIGHTS = `apiVersion: v3.1.0
kind: DataContract
id: room-nights
name: Room nights
version: 1.0.0
status: active
schema:
  - name: stays
    properties:
      - name: stay_id
        logicalType: integer
        required: true
        primaryKey: true
      - name: rate_adjustment
        logicalType: integer
        logicalTypeOptions:
          minimum: 1
          maximum: 50
customProperties:
  - property: datasetKind
    value: entity
`;

describeInChromium('numbers typed in the contract form', (session) => {
  it('writes a negative number typed over a bound in its place, never removing the bound at the minus sign', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await newBlankDesign(page);
    await openContractFile(page, 'room-nights.odcs.yaml', ROOM_NIGHTS);
    await openContract(page, 'Room nights');
    await showView(page, 'Form');
    await page.getByRole('button', { name: 'Details of rate_adjustment' }).click();
    const minimum = page.getByRole('region', { name: 'Field details' }).getByLabel('minimum', { exact: true });
    await minimum.click();
    await minimum.press('Control+a');
    // Slow enough for each key to reach the contract on its own, as a user types.
    await minimum.pressSequentially('-5', { delay: 300 });
    await minimum.press('Tab');
    await showView(page, 'YAML');
    await expect
      .poll(() => copyOfYaml(page))
      .toContain(`        logicalTypeOptions:
          minimum: -5
          maximum: 50
`);
  });

  it("replaces a quality rule's operator with the one a threshold is typed in, as a rule takes exactly one", async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await newBlankDesign(page);
    await openContractFile(page, 'room-nights.odcs.yaml', ROOM_NIGHTS);
    await openContract(page, 'Room nights');
    await showView(page, 'Form');
    await page.getByRole('button', { name: 'Details of rate_adjustment' }).click();
    const panel = page.getByRole('region', { name: 'Field details' });
    await panel.locator('summary', { hasText: 'Quality rules' }).click();
    await panel.getByRole('button', { name: 'Add quality rule' }).click();
    await panel.getByLabel('Must be <', { exact: true }).fill('5');
    await panel.getByLabel('Unit', { exact: true }).fill('percent');
    await showView(page, 'YAML');
    await expect
      .poll(() => copyOfYaml(page))
      .toContain(`        quality:
          - metric: nullValues
            mustBeLessThan: 5
            unit: percent
customProperties:`);
    expect(await page.locator('.contract-problems').textContent()).not.toContain('comparison operator');
  });
});
