import { bumpMajor } from '../../shared/contracts';
import { type Contract, isDeepEqual } from '../../shared/model';
import { type ChangeOptions, changeMesh, currentMesh } from '../store/document-store';

/** Puts an edited contract in the document as one undo step; an identical one changes nothing. */
export function replaceContract(next: Contract, options?: ChangeOptions): void {
  changeMesh((mesh) => {
    const index = mesh.contracts.findIndex((contract) => contract.id === next.id);
    const current = mesh.contracts[index];
    if (!current || isDeepEqual(current, next)) return mesh;
    return { ...mesh, contracts: mesh.contracts.with(index, next) };
  }, options);
}

export function updateContract(id: string, recipe: (contract: Contract) => Contract, options?: ChangeOptions): void {
  const contract = currentMesh()?.contracts.find((candidate) => candidate.id === id);
  if (contract) replaceContract(recipe(contract), options);
}

export function bumpMajorVersion(id: string): void {
  updateContract(id, (contract) => ({ ...contract, version: bumpMajor(contract.version) }));
}
