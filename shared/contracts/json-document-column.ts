import type { OdcsDocument } from './odcs-document';

/** Column types that hold a JSON document of any shape: `json`, `jsonb`, Snowflake's `VARIANT`, Redshift's `SUPER`. */
const JSON_DOCUMENT_TYPES = new Set(['JSON', 'JSONB', 'VARIANT', 'SUPER']);
/** The logical types a JSON document may have that a contract describes inside. */
const JSON_DOCUMENT_SHAPES = new Set(['object', 'array']);

export function holdsJsonDocument(physicalType: unknown): boolean {
  return typeof physicalType === 'string' && JSON_DOCUMENT_TYPES.has(physicalType.trim().toUpperCase());
}

/**
 * The imported property with the contract's logical type where the contract's is an object or
 * an array and the imported column holds a JSON document: `jsonb` holds either (SQL import reads
 * it as an object, `VARIANT` as a string), so its type says nothing against the contract's.
 */
export function withContractsJsonShape(existing: OdcsDocument, imported: OdcsDocument): OdcsDocument {
  const isShapeKept =
    JSON_DOCUMENT_SHAPES.has(String(existing.logicalType)) && holdsJsonDocument(imported.physicalType);
  return isShapeKept ? { ...imported, logicalType: existing.logicalType } : imported;
}
