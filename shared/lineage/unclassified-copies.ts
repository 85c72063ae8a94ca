import { isSensitiveClassification, keepsClassification } from '../contracts/classification-strictness';
import type { Contract, ContractProperty, Port } from '../model';
import type { FieldSet } from './field-set';
import type { ProductLineage } from './product-lineage';

/** An output field that copies a sensitive input field without classifying it at least as strictly. */
export interface UnclassifiedCopy {
  port: Port;
  contract: Contract;
  propertyIndex: number;
  property: ContractProperty;
  source: { port: Port; field: ContractProperty };
}

/**
 * The output fields of a product that are plain copies of a sensitive input field (through
 * any renames its SQL makes) but whose contract does not classify them at least as strictly.
 */
export function unclassifiedCopies(
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
              isSensitiveClassification(field.classification) ? [[field.name.toLowerCase(), field] as const] : [],
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
      if (!source || keepsClassification(source.field.classification, property.classification)) return [];
      return [{ port, contract, propertyIndex, property, source }];
    });
  });
}

/** Per input port: the port, and its sensitive fields by lower-cased name. */
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
