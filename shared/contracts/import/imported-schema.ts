import type { ContractModel, ContractProperty, DatasetKind, EnumValue, SchemaObject } from '../../model/contract';
import { slugify, withoutAccents } from '../../model/ids';
import type { LogicalType } from '../../model/logical-type';
import { snakeCase } from '../../simulation/sql-text';
import { propertyToOdcs } from '../odcs-document';
import { isReferenceableName } from '../schema-diagram';
import type { TextRange } from '../yaml-source';
import { importedApiVersion } from './imported-api-version';

/** Something in the source that has no exact ODCS equivalent, where it is. */
export interface ImportNote extends TextRange {
  /** `orders.geo` */
  path: string;
  message: string;
}

export type SchemaImport =
  | {
      ok: true;
      format: ImportFormat;
      objects: SchemaObject[];
      notes: ImportNote[];
      statedFacts: readonly StatableFact[];
      /** The contract the source names itself part of (a JSON Schema this app exported), in place of names made from the file's. */
      identity?: ImportedIdentity;
      /** The history the source keeps of its tables (the SQL export's `<table>_history`). */
      history?: ImportedHistory;
      /** The kind the source states (the SQL export's append-only tables: an event); otherwise left for the app to infer. */
      kind?: DatasetKind;
    }
  | { ok: false; format: ImportFormat; errors: ImportNote[] };

/** A contract's id, name and version as a source states them. */
export interface ImportedIdentity {
  id: string;
  name: string;
  version: string;
}

/** An entity's history as a source keeps it: its validity columns' names start with `columnPrefix`, if any. */
export interface ImportedHistory {
  columnPrefix?: string;
}

/**
 * The property facts a source format may have no word for. An import lists those its source
 * states (`statedFacts`): there, a fact left out means the default (not required, no key);
 * elsewhere a contract the import becomes the next version of keeps its own.
 */
export const STATABLE_FACTS = ['required', 'unique', 'primaryKey', 'primaryKeyPosition'] as const;
export type StatableFact = (typeof STATABLE_FACTS)[number];

export const IMPORT_FORMATS = ['sql', 'avro', 'json-schema', 'protobuf', 'mermaid-er'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface PropertyFacts {
  required?: boolean;
  unique?: boolean;
  primaryKey?: boolean;
  primaryKeyPosition?: number;
  physicalType?: string;
  description?: string;
  enum?: EnumValue[];
  /** What the source says of each allowed value besides it (`label`, `description`), by the value's text. */
  enumEntryDocumentation?: Record<string, Record<string, unknown>>;
  /** As a SQL column's comment may say it, the way the app's SQL export writes it. */
  classification?: string;
  /** ODCS fields the model does not hold: `items`, nested `properties`, `map`, `logicalTypeOptions`. */
  extensions?: Record<string, unknown>;
}

export function importedProperty(name: string, logicalType: LogicalType, facts: PropertyFacts = {}): ContractProperty {
  return {
    name,
    logicalType,
    required: facts.required ?? false,
    unique: facts.unique ?? false,
    primaryKey: facts.primaryKey ?? false,
    ...(facts.primaryKeyPosition !== undefined && { primaryKeyPosition: facts.primaryKeyPosition }),
    ...(facts.physicalType !== undefined && { physicalType: facts.physicalType }),
    ...(facts.description !== undefined && facts.description !== '' && { description: facts.description }),
    ...(facts.classification !== undefined && { classification: facts.classification }),
    ...(facts.enum !== undefined && facts.enum.length > 0 && { enum: facts.enum }),
    ...(facts.enum?.length && facts.enumEntryDocumentation && { enumEntryDocumentation: facts.enumEntryDocumentation }),
    ...(facts.extensions !== undefined && Object.keys(facts.extensions).length > 0 && { extensions: facts.extensions }),
  };
}

/** What a source that could be read says of its contract. */
export type SchemaRead = Extract<SchemaImport, { ok: true }>;

/**
 * The contract an import makes: named after the file, a draft at 1.0.0, in the ODCS
 * version most tools read unless its schema needs 3.2. Whether it is an event or an
 * entity is what the source states, or else left for the app to infer and the user to say.
 */
export function importedContract(
  fileName: string,
  { objects, identity, history, kind }: Pick<SchemaRead, 'objects' | 'identity' | 'history' | 'kind'>,
): ContractModel {
  const name = baseName(fileName);
  return {
    id: identity?.id ?? slugify(name),
    name: identity?.name ?? name,
    apiVersion: importedApiVersion(objects),
    version: identity?.version ?? '1.0.0',
    status: 'draft',
    kind: kind ?? 'entity',
    isKindDeclared: kind !== undefined,
    keepHistory: history !== undefined,
    ...(history?.columnPrefix !== undefined && { historyColumnPrefix: history.columnPrefix }),
    schema: objects,
    sla: [],
  };
}

/** `orders.schema.json` → `orders`, `shop/orders.avsc` → `orders`. */
/**
 * A schema object's name that `table.column` references can hold: the name itself where it can,
 * in snake_case otherwise (`Attendance mark` → `attendance_mark`, `2024 marks` → `_2024_marks`).
 */
export function referenceableName(name: string): string {
  if (isReferenceableName(name)) return name;
  const snake = snakeCase(withoutAccents(name));
  return isReferenceableName(snake) ? snake : `_${snake}`;
}

export function baseName(fileName: string): string {
  const file = fileName.split(/[\\/]/).at(-1) ?? fileName;
  return file.replace(/(\.(schema|odcs))?\.(sql|ddl|avsc|avro|json|proto|ya?ml|mmd|mermaid)$/i, '') || 'imported';
}

/** Where the first occurrence of `needle` at or after `from` is; the document start otherwise. */
export function locateText(text: string, needle: string, from = 0): TextRange {
  const offset = text.indexOf(needle, from);
  return offset === -1 ? rangeAt(text, 0, 0) : rangeAt(text, offset, needle.length);
}

export function rangeAt(text: string, offset: number, length: number): TextRange {
  const before = text.slice(0, offset).split('\n');
  const line = before.length;
  const column = (before.at(-1)?.length ?? 0) + 1;
  return { line, column, endLine: line, endColumn: column + length };
}

/**
 * A nested property (of an object, an array's items, a map's values) as ODCS writes it: its
 * allowed values as ODCS 3.2 enum entries where they are documented, which only those can say.
 */
export function nestedProperty(property: ContractProperty): Record<string, unknown> {
  return propertyToOdcs(property, property.enumEntryDocumentation !== undefined);
}

/** An array's items or a map's values as ODCS writes them: a property without a name. */
export function unnamedProperty(logicalType: LogicalType, facts: PropertyFacts = {}): Record<string, unknown> {
  const { name: _name, ...item } = nestedProperty(importedProperty('item', logicalType, facts));
  return item;
}

/** The items of `T[]` (`depth` 1), `T[][]` (2)…: arrays of arrays of T, whose innermost items hold T's allowed values and logicalTypeOptions. */
export function nestedArrayItems(
  elementType: ContractProperty['logicalType'] & string,
  element: { enum?: EnumValue[]; options?: Record<string, unknown> },
  depth: number,
): Record<string, unknown> | undefined {
  if (depth === 0) return undefined;
  const inner = nestedArrayItems(elementType, element, depth - 1);
  return inner
    ? unnamedProperty('array', { extensions: { items: inner } })
    : unnamedProperty(elementType, {
        ...(element.enum && { enum: element.enum }),
        ...(element.options && { extensions: { logicalTypeOptions: element.options } }),
      });
}

/** What a JavaScript engine throws when recursion runs out of stack (Chromium and Node: a RangeError). */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/** The values a source allows (an enum's symbols, a CHECK's list) that ODCS can hold: strings, numbers, booleans. */
export function allowedValues(values: readonly unknown[]): EnumValue[] {
  return values.filter((value): value is EnumValue => ['string', 'number', 'boolean'].includes(typeof value));
}
