import type { Mesh } from '../model/mesh';
import { classifiedFields } from './classified-fields';
import { type ExportScope, elementsInScope } from './export-scope';
import { markdownText } from './markdown-text';

/**
 * index.md's list of the classified fields each output port in scope serves, so those who deploy
 * the bundle see which data to handle as classified (access, masking, retention) without reading
 * every contract. Empty when no field is classified.
 */
export function classifiedFieldsSection(mesh: Mesh, scope: ExportScope): string[] {
  const scoped = elementsInScope(mesh, scope);
  if (!scoped.ok) return [];
  const contracts = new Map(mesh.contracts.map((contract) => [contract.id, contract]));
  const rows = scoped.value.products.flatMap((product) =>
    product.outputPorts.flatMap((port) => {
      const contract = contracts.get(port.contractId ?? '');
      if (!contract) return [];
      return classifiedFields(contract).map(
        ({ field, classification }) =>
          `| ${[product.name, port.name, contract.name, field, classification].map(markdownText).join(' | ')} |`,
      );
    }),
  );
  if (rows.length === 0) return [];
  return [
    '## Classified fields',
    '',
    'The fields each output port serves that its contract classifies: handle their data as classified.',
    '',
    '| Product | Output port | Contract | Field | Classification |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ];
}
