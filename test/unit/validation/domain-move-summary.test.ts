import { describe, expect, it } from 'vitest';
import { withContractDomainsFollowing } from '../../../shared/editing/contract-domains';
import { withDomainOf } from '../../../shared/editing/layout-edits';
import type { Mesh } from '../../../shared/model';
import { describeDomainMove } from '../../../shared/validation/domain-move-summary';
import { newErrors } from '../../../shared/validation/new-findings';
import { validateMesh } from '../../../shared/validation/validate-mesh';
import { ecommerceSample } from '../simulation/builders';

/** The move as the app makes it: the node changes domain, and the contracts it serves follow. */
const movedTo = (mesh: Mesh, nodeId: string, domainId: string) =>
  withContractDomainsFollowing(withDomainOf(mesh, nodeId, domainId), mesh);

const describeMove = (before: Mesh, after: Mesh) =>
  describeDomainMove(before, after, newErrors(validateMesh(before), validateMesh(after)));

describe('what a move into another domain says', () => {
  const sample = ecommerceSample();

  it('names the product, its new domain, its contract that followed, and the errors the move brought', () => {
    const after = movedTo(sample, 'customers', 'shipping-domain');

    expect(describeMove(sample, after)).toBe(
      "Moved customers to Shipping: its contract's domain updated; 1 new error (cross-domain-sources)",
    );
  });

  it('counts the errors the design had already as none new', () => {
    const broken = movedTo(sample, 'customers', 'shipping-domain');
    const back = movedTo(broken, 'customers', 'customers-domain');

    expect(describeMove(broken, back)).toBe("Moved customers to Customers: its contract's domain updated");
  });

  it('says nothing where nothing changed domain', () => {
    expect(describeMove(sample, sample)).toBeUndefined();
  });
});
