import type { DiagramField } from '../../contracts/schema-diagram';
import type { LogicalType } from '../../model/logical-type';
import { attributeWord, ER_ATTRIBUTE_WORD } from './er-attribute-word';

/** The logical type a written attribute type stands for (SQL and common words, our export's ODCS types). */
const LOGICAL_TYPES: ReadonlyArray<[RegExp, LogicalType]> = [
  [/^(string|varchar|nvarchar|char|nchar|character|text|uuid|guid|enum|citext|clob)$/, 'string'],
  [/^(int|integer|bigint|smallint|tinyint|long|short|serial|bigserial|int2|int4|int8)$/, 'integer'],
  [/^(number|decimal|numeric|float|double|real|money|float4|float8|dec)$/, 'number'],
  [/^date$/, 'date'],
  [/^(timestamp|timestamptz|datetime|datetime2|instant)$/, 'timestamp'],
  [/^(time|timetz)$/, 'time'],
  [/^(boolean|bool|bit)$/, 'boolean'],
  [/^(object|struct|record|json|jsonb)$/, 'object'],
  [/^(array|list)$/, 'array'],
  [/^map$/, 'map'],
];
/** A type's parameters, `(20)` of `varchar(20)`, `(10,2)` of `numeric(10,2)`, which say nothing of its logical type. */
const PARAMETERS = /\([^()]*\)$/;
/** What Mermaid's erDiagram lexer takes as an attribute's type, one word: `varchar(20)`, `numeric(10,2)`, not `numeric(10, 2)`. */
const MERMAID_TYPE_WORD = new RegExp(`^${ER_ATTRIBUTE_WORD}$`);

/**
 * The type our erDiagram export writes for a property: its physical type where Mermaid takes it as
 * a word and our import reads it back as the property's logical type (`varchar(20)` of a string),
 * else its logical type.
 */
export function attributeType({ logicalType, physicalType }: DiagramField): string {
  const isReadBack =
    physicalType !== undefined &&
    MERMAID_TYPE_WORD.test(physicalType) &&
    logicalTypeNamed(typeName(physicalType)) === logicalType;
  return isReadBack ? physicalType : attributeWord(logicalType || 'any');
}

/** The logical type a written type stands for: none for `any`, a string (noted) for a type it does not know. */
export function logicalTypeWritten(written: string, noteUnknown: () => void): LogicalType | undefined {
  const name = typeName(written);
  if (name === 'any') return undefined;
  const logicalType = logicalTypeNamed(name);
  if (logicalType) return logicalType;
  noteUnknown();
  return 'string';
}

/** A written type's name, in lower case, without its parameters: `varchar` of `VARCHAR(20)`. */
function typeName(written: string): string {
  return written.toLowerCase().replace(PARAMETERS, '');
}

function logicalTypeNamed(name: string): LogicalType | undefined {
  return LOGICAL_TYPES.find(([pattern]) => pattern.test(name))?.[1];
}
