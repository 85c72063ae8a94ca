import { isSensitiveClassification, keepsClassification } from '../contracts/classification-strictness';
import { fieldsAtEveryDepth, type NestedField } from '../contracts/nested-fields';
import type { Contract, ContractProperty, Port } from '../model';
import type { FieldSet } from './field-set';
import type { ProductLineage } from './product-lineage';

/** An output field that copies a sensitive input field without classifying it at least as strictly. */
export interface UnclassifiedCopy {
  port: Port;
  contract: Contract;
  /** The output column the copy is, or is nested in: a property of the contract's first schema object. */
  propertyIndex: number;
  /** The copy, named by its path (`home.street`, `visits[].site`); `at` is its place in the schema object's `properties`. */
  field: NestedField;
  /** The input field copied, at the same depth below the column it arrives in. */
  source: { port: Port; field: NestedField };
}

/**
 * The output fields of a product that are plain copies of a sensitive input field (through
 * any renames its SQL makes) but whose contract does not classify them at least as strictly.
 * A column copied whole copies every field nested in it, so those are compared path by path
 * below the column (`address.street` copied as `home` arrives as `home.street`).
 */
export function unclassifiedCopies(
  lineage: ProductLineage,
  contractById: (id: string) => Contract | undefined,
): UnclassifiedCopy[] {
  const inputs: InputFields = new Map(
    [...lineage.inputs].map(([portId, input]) => [
      portId,
      {
        port: input.port,
        by: new Map(
          input.feeds.flatMap(({ dataset }) =>
            dataset.schema.properties.map((field) => [field.name.toLowerCase(), fieldsBelowColumn(field)] as const),
          ),
        ),
      },
    ]),
  );
  if (![...inputs.values()].some((input) => [...input.by.values()].some(holdsSensitiveData))) return [];
  return lineage.product.outputPorts.flatMap((port) => {
    const output = lineage.outputs.get(port.id);
    const contract = port.contractId ? contractById(port.contractId) : undefined;
    const object = contract?.schema[0];
    if (!output || !contract || !object) return [];
    const sourcesByColumn = object.properties.map((column) => {
      const copies = output.fields.get(column.name.toLowerCase())?.copies;
      return copies ? copiedColumns(copies, inputs) : [];
    });
    return fieldsAtEveryDepth(object.properties).flatMap((field) => {
      const propertyIndex = field.at[0] as number;
      const below = pathBelowColumn(field, object.properties[propertyIndex] as ContractProperty);
      for (const source of sourcesByColumn[propertyIndex] ?? []) {
        const copied = source.fields.get(below);
        if (copied && !keepsClassification(copied.property.classification, field.property.classification)) {
          return [{ port, contract, propertyIndex, field, source: { port: source.port, field: copied } }];
        }
      }
      return [];
    });
  });
}

/** Per input port: the port, and per column (by lower-cased name) its fields at every depth. */
type InputFields = ReadonlyMap<string, { port: Port; by: ReadonlyMap<string, FieldsBelowColumn> }>;

/** A column and the fields nested in it, by their lower-cased path below it: `''`, `.street`, `[].site`. */
type FieldsBelowColumn = ReadonlyMap<string, NestedField>;

function fieldsBelowColumn(column: ContractProperty): FieldsBelowColumn {
  return new Map(fieldsAtEveryDepth([column]).map((field) => [pathBelowColumn(field, column), field] as const));
}

function pathBelowColumn(field: NestedField, column: ContractProperty): string {
  return field.path.slice(column.name.length).toLowerCase();
}

function holdsSensitiveData(fields: FieldsBelowColumn): boolean {
  return [...fields.values()].some((field) => isSensitiveClassification(field.property.classification));
}

/** The input columns an output column copies, in the order of its copies. */
function copiedColumns(copies: FieldSet, inputs: InputFields): Array<{ port: Port; fields: FieldsBelowColumn }> {
  return [...copies.ports()].flatMap((portId) => {
    const input = inputs.get(portId);
    if (!input) return [];
    return [...copies.fieldsOf(portId)].flatMap((name) => {
      const fields = input.by.get(name);
      return fields ? [{ port: input.port, fields }] : [];
    });
  });
}
