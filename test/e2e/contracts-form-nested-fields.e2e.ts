import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium } from './app-driver';
import { copyOfYaml, openContract, openContractFile, showView } from './contract-driver';
import { newBlankDesign } from './designer-driver';

const GUEST_PROFILES = `apiVersion: v3.2.0
kind: DataContract
id: guest-profiles
name: Guest profiles
version: 1.0.0
status: active
schema:
  - name: guests
    properties:
      - name: guest_id
        logicalType: integer
        required: true
        primaryKey: true
      - name: preferences
        logicalType: object
        properties:
          - name: pillow
            logicalType: string
          - name: newsletter_opt_in
            logicalType: boolean
      - name: stays
        logicalType: array
        items:
          logicalType: object
          properties:
            - name: property_code
              logicalType: string
customProperties:
  - property: datasetKind
    value: entity
`;

async function openGuestProfilesForm(page: Page): Promise<void> {
  await newBlankDesign(page);
  await openContractFile(page, 'guest-profiles.odcs.yaml', GUEST_PROFILES);
  await openContract(page, 'Guest profiles');
  await showView(page, 'Form');
}

describeInChromium('fields nested in an object or an array in the contract form', (session) => {
  it("edits an object field's nested fields: one made required, one added", async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openGuestProfilesForm(page);
    await page.getByRole('button', { name: 'Details of preferences' }).click();
    const nested = page.getByRole('table', { name: 'Fields of guests.preferences' });
    await nested.getByRole('checkbox', { name: 'newsletter_opt_in required' }).check();
    await nested.getByRole('button', { name: 'Add field' }).click();
    await showView(page, 'YAML');
    await expect
      .poll(() => copyOfYaml(page))
      .toContain(`          - name: newsletter_opt_in
            logicalType: boolean
            required: true
          - name: new_field
            logicalType: string
`);
  });

  it("edits the fields of an array's items", async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openGuestProfilesForm(page);
    await page.getByRole('button', { name: 'Details of stays' }).click();
    const items = page.getByRole('table', { name: 'Fields of guests.stays[]' });
    const name = items.getByRole('textbox', { name: 'Field name' });
    await expect.poll(() => name.inputValue()).toBe('property_code');
    await name.fill('property_id');
    await showView(page, 'YAML');
    await expect
      .poll(() => copyOfYaml(page))
      .toContain(`            - name: property_id
              logicalType: string
`);
  });
});
