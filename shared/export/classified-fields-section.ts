import type { Contract } from '../model/contract';
import type { Mesh } from '../model/mesh';
import { classifiedFields } from './classified-fields';
import { type ExportScope, elementsInScope } from './export-scope';
import { markdownText } from './markdown-text';
import { outboxEventContracts } from './outbox-event-contracts';

/**
 * index.md's list of the classified fields each output port and outbox event topic in scope
 * serves, so those who deploy the bundle see which data to handle as classified (access, masking,
 * retention) without reading every contract. Empty when no field is classified.
 */
export function classifiedFieldsSection(mesh: Mesh, scope: ExportScope): string[] {
  const scoped = elementsInScope(mesh, scope);
  if (!scoped.ok) return [];
  const contracts = new Map(mesh.contracts.map((contract) => [contract.id, contract]));
  const rowsOf = (servedBy: string, through: string, contract: Contract) =>
    classifiedFields(contract).map(
      ({ field, classification }) =>
        `| ${[servedBy, through, contract.name, field, classification].map(markdownText).join(' | ')} |`,
    );
  const rows = [
    ...scoped.value.products.flatMap((product) =>
      product.outputPorts.flatMap((port) => {
        const contract = contracts.get(port.contractId ?? '');
        return contract ? rowsOf(product.name, port.name, contract) : [];
      }),
    ),
    ...scoped.value.systems.flatMap((system) =>
      outboxEventContracts(system, contracts).flatMap(({ topic, contract }) =>
        rowsOf(system.name, `topic ${topic.name}`, contract),
      ),
    ),
  ];
  if (rows.length === 0) return [];
  return [
    '## Classified fields',
    '',
    'The fields each output port and outbox event topic serves that its contract classifies: handle their data as classified.',
    '',
    '| Product or system | Output port or topic | Contract | Field | Classification |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ];
}
