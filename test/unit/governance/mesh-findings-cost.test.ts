import { describe, expect, it, vi } from 'vitest';
import { findingsOf } from '../../../renderer/governance/mesh-findings';
import { layoutClashes } from '../../../shared/editing/layout-clashes';
import { withPositions } from '../../../shared/editing/layout-edits';
import { aGovernedMesh } from '../validation/governed-mesh';

vi.mock('../../../shared/editing/layout-clashes', async (importActual) => {
  const actual = await importActual<typeof import('../../../shared/editing/layout-clashes')>();
  return { ...actual, layoutClashes: vi.fn(actual.layoutClashes) };
});

describe('the findings the app shows, asked for by every node on every drag frame', () => {
  it('check the layout for clashes once per document, however many ask', () => {
    const mesh = aGovernedMesh();
    const moved = withPositions(mesh, new Map([['revenue', { x: 300, y: 40 }]]));
    findingsOf(moved, null);
    vi.mocked(layoutClashes).mockClear();
    for (let badge = 1; badge < 1000; badge++) findingsOf(moved, null);
    expect(layoutClashes).not.toHaveBeenCalled();
  });
});
