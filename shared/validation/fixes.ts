import { editContractText, parseOdcsYaml, type YamlEdit } from '../contracts';
import { withDomainUpdated } from '../editing/domains';
import { withSection } from '../editing/list-edits';
import { withProductUpdated } from '../editing/products';
import { type Contract, type Mesh, quoted } from '../model';
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
      return withContractEdited(mesh, fix.contractId, () => [{ op: 'set', path: ['version'], value: fix.version }]);
    case 'classify-field':
      return withContractEdited(mesh, fix.contractId, (contract) => {
        const objectIndex = contract.schema.findIndex((object) => object.name === fix.object);
        const fieldIndex = contract.schema[objectIndex]?.properties.findIndex(
          (property) => property.name === fix.field,
        );
        if (fieldIndex === undefined || fieldIndex < 0) return [];
        return [
          {
            op: 'set',
            path: ['schema', objectIndex, 'properties', fieldIndex, 'classification'],
            value: fix.classification,
          },
        ];
      });
  }
}

/**
 * The mesh with a contract's text edited, as every contract edit is (the text is what the
 * file keeps); the same mesh when the contract is gone, or its edited text does not read.
 */
function withContractEdited(mesh: Mesh, id: string, edits: (contract: Contract) => YamlEdit[]): Mesh {
  const index = mesh.contracts.findIndex((contract) => contract.id === id);
  const contract = mesh.contracts[index];
  const wanted = contract ? edits(contract) : [];
  if (!contract || wanted.length === 0) return mesh;
  const edited = editContractText(contract.odcs, wanted);
  const read = edited.ok ? parseOdcsYaml(edited.text) : undefined;
  return read?.ok ? { ...mesh, contracts: mesh.contracts.with(index, read.value) } : mesh;
}

/** The fix as a button says it. */
export function describeFix(fix: Fix): string {
  switch (fix.kind) {
    case 'set-owner':
      return `Set owner to ${quoted(fix.owner)}`;
    case 'remove-link':
      return 'Remove the link';
    case 'set-contract-version':
      return `Bump to ${fix.version}`;
    case 'classify-field':
      return `Classify as ${fix.classification}`;
  }
}
