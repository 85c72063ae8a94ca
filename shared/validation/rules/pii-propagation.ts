import type { FieldSet } from '../../lineage/field-set';
import { Memo } from '../../lineage/memo';
import { contractOf } from '../../lineage/mesh-graph';
import type { ProductLineage } from '../../lineage/product-lineage';
import { type Contract, type ContractProperty, type DataProduct, type Port, quoted } from '../../model';
import type { RuleFinding } from '../finding';
import { findingsPerLineage } from '../findings-per-lineage';
import { fieldPlace } from '../places';
import type { Rule } from '../rule';

/** An output field that copies a classified input field without its classification. */
interface UnclassifiedCopy {
  port: Port;
  contract: Contract;
  propertyIndex: number;
  property: ContractProperty;
  source: { port: Port; field: ContractProperty };
}

/** Per product lineage (which changes whenever what it reads changes), its unclassified copies. */
const copiesByLineage = new Memo<ProductLineage, UnclassifiedCopy[]>();
const findingsByProduct = new Memo<DataProduct, RuleFinding[]>();

export const piiPropagationRule: Rule = {
  id: 'pii-propagation',
  title: 'Classified fields stay classified downstream',
  rationale:
    'A field classified (e.g. pii) where it is read must be classified alike where it is republished, or access rules and erasure stop at the first copy.',
  defaultSeverity: 'error',
  reads: ['products', 'links', 'contracts', 'systems'],
  check({ graph }) {
    return findingsPerLineage(findingsByProduct, graph, (product, lineage) => {
      const copies = copiesByLineage.get(lineage, [], () => unclassifiedCopies(lineage, (id) => contractOf(graph, id)));
      return copies.map(({ port, contract, propertyIndex, property, source }): RuleFinding => {
        const classification = source.field.classification as string;
        const where = `${quoted(property.name)} of ${quoted(port.name)}`;
        const what = property.classification
          ? `classifies it ${quoted(property.classification)} instead`
          : 'does not classify it';
        return {
          ...fieldPlace(graph, contract, 0, propertyIndex),
          message: `${quoted(product.name)} republishes ${quoted(source.field.name)}, classified ${classification} in its input ${quoted(source.port.name)}, as ${where}, but its contract ${quoted(contract.name)} ${what}.`,
          fixHint: `Classify ${where} as ${classification} in contract ${quoted(contract.name)}, or stop republishing it.`,
          related: [{ kind: 'port', productId: product.id, portId: source.port.id }],
          ...(property.classification === undefined && {
            fix: {
              kind: 'classify-field',
              contractId: contract.id,
              object: contract.schema[0]?.name ?? '',
              field: property.name,
              classification,
            },
          }),
        };
      });
    });
  },
};

function unclassifiedCopies(
  lineage: ProductLineage,
  contractById: (id: string) => Contract | undefined,
): UnclassifiedCopy[] {
  const classified: Classified = new Map(
    [...lineage.inputs].map(([portId, input]) => [
      portId,
      {
        port: input.port,
        by: new Map(
          input.feeds.flatMap(({ dataset }) =>
            dataset.schema.properties.flatMap((field) =>
              field.classification ? [[field.name.toLowerCase(), field] as const] : [],
            ),
          ),
        ),
      },
    ]),
  );
  if ([...classified.values()].every((input) => input.by.size === 0)) return [];
  return lineage.product.outputPorts.flatMap((port) => {
    const output = lineage.outputs.get(port.id);
    const contract = port.contractId ? contractById(port.contractId) : undefined;
    const object = contract?.schema[0];
    if (!output || !contract || !object) return [];
    return object.properties.flatMap((property, propertyIndex) => {
      const column = output.fields.get(property.name.toLowerCase());
      const source = column && firstClassifiedCopy(column.copies, classified);
      if (!source || isSameClassification(source.field.classification, property.classification)) return [];
      return [{ port, contract, propertyIndex, property, source }];
    });
  });
}

/** `PII` and `pii` are one classification: contracts written by different teams differ in capitals. */
function isSameClassification(input: string | undefined, output: string | undefined): boolean {
  return input?.trim().toLowerCase() === output?.trim().toLowerCase();
}

/** Per input port: the port, and its classified fields by lower-cased name. */
type Classified = ReadonlyMap<string, { port: Port; by: ReadonlyMap<string, ContractProperty> }>;

function firstClassifiedCopy(copies: FieldSet, classified: Classified) {
  for (const portId of copies.ports()) {
    const input = classified.get(portId);
    for (const field of copies.fieldsOf(portId)) {
      const source = input?.by.get(field);
      if (input && source) return { port: input.port, field: source };
    }
  }
  return undefined;
}
