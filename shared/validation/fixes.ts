import { withDomainUpdated } from '../editing/domains';
import { withSection } from '../editing/list-edits';
import { withProductUpdated } from '../editing/products';
import type { Mesh } from '../model';
import type { Fix } from './finding';

/** The mesh with a finding's fix applied; the same mesh when what it repairs is gone. */
export function applyFix(mesh: Mesh, fix: Fix): Mesh {
  switch (fix.kind) {
    case 'set-owner':
      return fix.element.kind === 'domain'
        ? withDomainUpdated(mesh, fix.element.domainId, { owner: fix.owner })
        : withProductUpdated(mesh, fix.element.productId, { owner: fix.owner });
    case 'remove-link':
      return withSection(
        mesh,
        'links',
        mesh.links.filter((link) => link.id !== fix.linkId),
      );
    case 'set-contract-version':
      return withContract(mesh, fix.contractId, (contract) => ({ ...contract, version: fix.version }));
    case 'classify-field':
      return withContract(mesh, fix.contractId, (contract) => ({
        ...contract,
        schema: contract.schema.map((object) =>
          object.name !== fix.object
            ? object
            : {
                ...object,
                properties: object.properties.map((property) =>
                  property.name === fix.field ? { ...property, classification: fix.classification } : property,
                ),
              },
        ),
      }));
  }
}

function withContract(
  mesh: Mesh,
  id: string,
  update: (contract: Mesh['contracts'][number]) => Mesh['contracts'][number],
) {
  const index = mesh.contracts.findIndex((contract) => contract.id === id);
  const contract = mesh.contracts[index];
  return contract ? { ...mesh, contracts: mesh.contracts.with(index, update(contract)) } : mesh;
}

/** The fix as a button says it. */
export function describeFix(fix: Fix): string {
  switch (fix.kind) {
    case 'set-owner':
      return `Set owner to '${fix.owner}'`;
    case 'remove-link':
      return 'Remove the link';
    case 'set-contract-version':
      return `Bump to ${fix.version}`;
    case 'classify-field':
      return `Classify as ${fix.classification}`;
  }
}
