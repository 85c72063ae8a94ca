import type { Contract } from '../model/contract';

/**
 * The contracts (of the design) an imported one could be the next version of: the one with its id,
 * and those with a schema object (table) named as one of its own, ignoring case. A schema nothing
 * resembles has none, so importing it decides nothing.
 */
export function nextVersionCandidates(contracts: readonly Contract[], imported: Contract): Contract[] {
  const objectNames = new Set(imported.schema.map((object) => object.name.toLowerCase()));
  return contracts.filter(
    (contract) =>
      contract.id === imported.id || contract.schema.some((object) => objectNames.has(object.name.toLowerCase())),
  );
}
