import { isSensitiveClassification, keepsClassification } from '../contracts/classification-strictness';
import { fieldsAtEveryDepth, type NestedField } from '../contracts/nested-fields';
import type { Contract, ContractProperty, Port, Transformation } from '../model';
import { FieldSet } from './field-set';
import type { AlteredFields, ColumnLineage, ObjectLineage, ProductLineage } from './product-lineage';
import { sqlLineageOf } from './sql-lineage';
import type { CopyAlteration } from './value-keeping-functions';

/** An output field that copies a sensitive input field without classifying it at least as strictly. */
export interface UnclassifiedCopy {
  port: Port;
  contract: Contract;
  /** The schema object of the contract the copy is in: its place in the contract's `schema`. */
  objectIndex: number;
  /** The output column the copy is, or is nested in: a property of that schema object. */
  propertyIndex: number;
  /** The copy, named by its path (`home.street`, `visits[].site`); `at` is its place in the schema object's `properties`. */
  field: NestedField;
  /**
   * The input field copied, at the same depth below the column it arrives in: of every field
   * copied there (those the copy's classification keeps too), the one whose classification keeps
   * all theirs, else the first of `sources`.
   */
  source: CopiedField;
  /** Whether `source`'s classification keeps every field copied there: none does where no word ranks above the others (`pii`, `restricted`). */
  keepsEveryCopy: boolean;
  /** Every input field copied there and classified more strictly than the copy, in the order the SQL names them. */
  sources: readonly CopiedField[];
  /** Every input field copied there, those the copy's classification keeps too, in the order the SQL names them. */
  copies: readonly CopiedField[];
}

/**
 * An input field, and the input port it is read from; `isPicked` where MIN or MAX took it, one row's value among many;
 * `alteration` where it is copied only rounded or cut.
 */
export interface CopiedField {
  port: Port;
  field: NestedField;
  isPicked?: true;
  /** Where a derivation is only a rank ordered by it (`rank() OVER (ORDER BY income)`). */
  isRanked?: true;
  alteration?: CopyAlteration;
}

/**
 * The output fields of a product that are plain copies of a sensitive input field (through
 * any renames its SQL makes) but whose contract does not classify them at least as strictly,
 * as `classificationLevels` rank the words (the design's policies).
 * A column copied whole copies every field nested in it, so those are compared path by path
 * below the column (`address.street` copied as `home` arrives as `home.street`).
 */
export function unclassifiedCopies(
  lineage: ProductLineage,
  contractById: (id: string) => Contract | undefined,
  classificationLevels: readonly string[],
): UnclassifiedCopy[] {
  return copiesClassifiedLess(
    lineage,
    contractById,
    classificationLevels,
    byOutputField((field, inputs) =>
      copiedColumns(field.copies, inputs, { picked: field.picked, altered: field.altered }),
    ),
  );
}

/**
 * The output fields computed row by row from a sensitive input field without copying it (a code
 * mapping, a flag: `CASE diagnosis WHEN ...`), whose contract does not classify them at least as
 * strictly: still each row's special-category data. A field that also copies it is `unclassifiedCopies`'.
 */
export function unclassifiedDerivations(
  lineage: ProductLineage,
  contractById: (id: string) => Contract | undefined,
  classificationLevels: readonly string[],
): UnclassifiedCopy[] {
  return copiesClassifiedLess(
    lineage,
    contractById,
    classificationLevels,
    byOutputField((field, inputs) =>
      copiedColumns(field.derived.without(field.copies), inputs, { ranked: field.ranked }),
    ),
  );
}

/**
 * For a product sketched before its SQL (no transformations, and an output port publishing no
 * input table as it comes), a guess at `unclassifiedCopies`: each output column is taken to copy
 * the input columns of its name.
 */
export function nameMatchedCopies(
  lineage: ProductLineage,
  contractById: (id: string) => Contract | undefined,
  classificationLevels: readonly string[],
): UnclassifiedCopy[] {
  if (lineage.product.transformations.length > 0) return [];
  return copiesClassifiedLess(lineage, contractById, classificationLevels, (filled, column, inputs) =>
    filled.table
      ? []
      : [...inputs.values()].flatMap(({ port, by }) => {
          const fields = by.get(column.name.toLowerCase());
          return fields ? [{ port, fields }] : [];
        }),
  );
}

type SourcesOf = (filled: ObjectLineage, column: ContractProperty, inputs: InputFields) => CopiedColumn[];

/** The sources of an output column as its own lineage gives them; none for a column the SQL does not fill. */
function byOutputField(columnsOf: (field: ColumnLineage, inputs: InputFields) => CopiedColumn[]): SourcesOf {
  return (filled, column, inputs) => {
    const field = filled.fields.get(column.name.toLowerCase());
    return field ? columnsOf(field, inputs) : [];
  };
}

/** The output fields classified less strictly than an input field that `sourcesOf` says their column copies. */
function copiesClassifiedLess(
  lineage: ProductLineage,
  contractById: (id: string) => Contract | undefined,
  classificationLevels: readonly string[],
  sourcesOf: SourcesOf,
): UnclassifiedCopy[] {
  if (!readsSensitiveFields(lineage)) return [];
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
  return lineage.product.outputPorts.flatMap((port) => {
    const output = lineage.outputs.get(port.id);
    const contract = port.contractId ? contractById(port.contractId) : undefined;
    if (!output || !contract) return [];
    return output.objects.flatMap((filled) => {
      const { object, index: objectIndex } = filled;
      const sourcesByColumn = object.properties.map((column) => sourcesOf(filled, column, inputs));
      return fieldsAtEveryDepth(object.properties).flatMap((field) => {
        const propertyIndex = field.at[0] as number;
        const below = pathBelowColumn(field, object.properties[propertyIndex] as ContractProperty);
        const copies = (sourcesByColumn[propertyIndex] ?? []).flatMap(({ fields, ...how }): CopiedField[] => {
          const copied = fields.get(below);
          return copied ? [{ ...how, field: copied }] : [];
        });
        const sources = copies.filter(
          (copy) =>
            !keepsClassification(
              copy.field.property.classification,
              field.property.classification,
              classificationLevels,
            ),
        );
        if (sources.length === 0) return [];
        // Judged against every copy, as a classification keeping only those not kept now would lose the others.
        const strictest = strictestOf(copies, classificationLevels);
        const source = strictest ?? sources[0];
        if (!source) return [];
        return [
          {
            port,
            contract,
            objectIndex,
            propertyIndex,
            field,
            source,
            keepsEveryCopy: strictest !== undefined,
            sources,
            copies,
          },
        ];
      });
    });
  });
}

/** The copied field whose classification keeps every other's, if one does. */
function strictestOf(sources: readonly CopiedField[], levels: readonly string[]): CopiedField | undefined {
  const classificationOf = ({ field }: CopiedField) => field.property.classification;
  return sources.find((candidate) =>
    sources.every((other) => keepsClassification(classificationOf(other), classificationOf(candidate), levels)),
  );
}

/** An input column an output column copies, with the fields nested in it. */
type CopiedColumn = {
  port: Port;
  fields: FieldsBelowColumn;
  isPicked?: true;
  isRanked?: true;
  alteration?: CopyAlteration;
};

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

/** Whether any field a product reads, at any depth, is classified sensitive. */
function readsSensitiveFields(lineage: ProductLineage): boolean {
  return [...lineage.inputs.values()].some((input) =>
    input.feeds.some(({ dataset }) =>
      fieldsAtEveryDepth(dataset.schema.properties).some((field) =>
        isSensitiveClassification(field.property.classification),
      ),
    ),
  );
}

/** A step whose SQL is read only approximately (see sql-lineage.ts), in words: a copy it makes under another name goes unseen. */
export interface UnfollowedStep {
  transformation: Transformation;
  index: number;
  reason: string;
  /** Whether what its SQL is read of approximately names a field classified sensitive: what goes unchecked may then be a copy of it. */
  namesSensitiveField: boolean;
}

/**
 * The steps of a product reading sensitive fields whose copies `unclassifiedCopies` follows only
 * by name. SQL that does not parse is left out: transformation-sql reports it, as an error.
 */
export function unfollowedSteps(lineage: ProductLineage): UnfollowedStep[] {
  if (!readsSensitiveFields(lineage)) return [];
  const sensitive = sensitiveFields(lineage);
  return lineage.product.transformations.flatMap((transformation, index) => {
    const { approximateBecause, isOneQuery } = sqlLineageOf(transformation.sql);
    const namesSensitiveField = lineage.transformations[index]?.guessed.intersects(sensitive) ?? false;
    return approximateBecause && isOneQuery
      ? [{ transformation, index, reason: approximateBecause, namesSensitiveField }]
      : [];
  });
}

/** The input columns a product reads that are classified sensitive, or hold a field that is. */
function sensitiveFields(lineage: ProductLineage): FieldSet {
  const sensitive = new FieldSet();
  for (const [portId, input] of lineage.inputs) {
    for (const { dataset } of input.feeds) {
      for (const column of dataset.schema.properties) {
        const fields = fieldsAtEveryDepth([column]);
        if (fields.some((field) => isSensitiveClassification(field.property.classification))) {
          sensitive.add(portId, column.name);
        }
      }
    }
  }
  return sensitive;
}

/** The input columns an output column copies, in the order of its copies; those of `picked`, `ranked` and `altered` marked so. */
function copiedColumns(
  copies: FieldSet,
  inputs: InputFields,
  { picked, ranked, altered }: { picked?: FieldSet; ranked?: FieldSet; altered?: AlteredFields } = {},
): CopiedColumn[] {
  return [...copies.ports()].flatMap((portId) => {
    const input = inputs.get(portId);
    if (!input) return [];
    return [...copies.fieldsOf(portId)].flatMap((name): CopiedColumn[] => {
      const fields = input.by.get(name);
      const isPicked = picked?.has(portId, name) ?? false;
      const isRanked = ranked?.has(portId, name) ?? false;
      const alteration = [...(altered ?? [])].find(([, alteredFields]) => alteredFields.has(portId, name))?.[0];
      return fields
        ? [
            {
              port: input.port,
              fields,
              ...(isPicked && { isPicked: true as const }),
              ...(isRanked && { isRanked: true as const }),
              ...(alteration && { alteration }),
            },
          ]
        : [];
    });
  });
}
