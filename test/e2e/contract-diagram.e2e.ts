import { expect, it } from 'vitest';
import { describeInChromium } from './app-driver';
import { openContract, openContractFile, showView } from './contract-driver';
import { newBlankDesign } from './designer-driver';

// guest_stays is written after the guests it refers to, as a child table usually is.
const GUEST_STAYS = `apiVersion: v3.1.0
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
        primaryKey: true
      - name: full_name
        logicalType: string
      - name: email
        logicalType: string
  - name: guest_stays
    properties:
      - name: guest_id
        logicalType: integer
        relationships:
          - type: foreignKey
            to: guests.guest_id
      - name: reservation_id
        logicalType: integer
        relationships:
          - to: reservations.reservation_id
customProperties:
  - property: datasetKind
    value: entity
`;

describeInChromium('the contract Diagram in the built app', (session) => {
  it('draws each relationship between the facing sides of its tables, under no table, whichever is written first', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await newBlankDesign(page);
    await openContractFile(page, 'guest-profiles.odcs.yaml', GUEST_STAYS);
    await openContract(page, 'Guest profiles');
    await showView(page, 'Diagram');
    const diagram = page.getByTestId('contract-diagram');
    await diagram.locator('.react-flow__edge-path').nth(1).waitFor();
    await page.waitForTimeout(500);
    // Points along each line, in the page's pixels, that lie inside a table's box (its ends touch their tables' sides).
    const underTables = await diagram.evaluate((element) => {
      const tables = [...element.querySelectorAll('.react-flow__node')].map((node) => {
        const box = node.getBoundingClientRect();
        return { name: node.getAttribute('data-id'), box };
      });
      return [...element.querySelectorAll<SVGPathElement>('.react-flow__edge-path')].flatMap((path) => {
        const matrix = path.getScreenCTM();
        if (!matrix) return [];
        const length = path.getTotalLength();
        const hidden: string[] = [];
        for (let step = 1; step < 40; step += 1) {
          const along = path.getPointAtLength((length * step) / 40);
          const { x, y } = new DOMPoint(along.x, along.y).matrixTransform(matrix);
          for (const { name, box } of tables) {
            const margin = 2;
            if (x > box.left + margin && x < box.right - margin && y > box.top + margin && y < box.bottom - margin) {
              hidden.push(`${step}/40 under ${name}`);
            }
          }
        }
        return hidden;
      });
    });
    expect(underTables).toEqual([]);
  });
});
