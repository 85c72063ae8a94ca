import { describe, expect, it } from 'vitest';
import { useDocumentStore } from '../../../renderer/store/document-store';
import { withPositions } from '../../../shared/editing/layout-edits';
import { withProductUpdated } from '../../../shared/editing/products';
import type { Mesh } from '../../../shared/model';
import { stepRefusalInputs } from '../../../shared/simulation/step-refusals';
import { aGovernedMesh } from '../validation/governed-mesh';
import { documentNow, openDocument } from './store-fixture';

const store = () => useDocumentStore.getState();
const refusals = [
  { path: 'products[1].transformations[0]', step: 'country_counts', message: 'near "ILIKE": syntax error' },
];
const toldFor = (mesh: Mesh) => ({ inputs: stepRefusalInputs(mesh), refusals });

describe('what SQLite refused of the open document’s steps', () => {
  it('is kept when told for the document as it is, a move on the canvas since included', () => {
    openDocument(aGovernedMesh());
    const asked = documentNow();
    store().change((mesh) => withPositions(mesh, new Map([['revenue', { x: 300, y: 40 }]])));
    store().tellPreparedSteps(toldFor(asked));
    expect(store().preparedSteps?.refusals).toEqual(refusals);
  });

  it('is dropped when told for steps the document has changed since it asked', () => {
    openDocument(aGovernedMesh());
    const asked = documentNow();
    store().change((mesh) =>
      withProductUpdated(mesh, 'revenue', { transformations: [{ name: 'x', sql: 'SELECT 1' }] }),
    );
    store().tellPreparedSteps(toldFor(asked));
    expect(store().preparedSteps).toBeNull();
  });
});
