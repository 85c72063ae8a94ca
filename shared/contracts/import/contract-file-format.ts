import type { ImportFormat } from './imported-schema';

export type ContractFileFormat = ImportFormat | 'odcs';

/** A contract file's format, or why it is none the import reads (with the format it was taken for). */
export type FormatReading = { format: ContractFileFormat; refusal?: string };

const JSON_SCHEMA_KEYS = ['$schema', 'type', 'properties', '$defs', 'definitions', '$ref', 'allOf', 'anyOf', 'oneOf'];

/**
 * What a file holds, by its name and, where the name could mislead, its content: an ODCS
 * contract written as JSON is ODCS, not a JSON Schema; a Data Contract Specification file
 * (datacontract.com's format, not ODCS) is refused with the command that converts it.
 */
export function contractFileFormat(fileName: string, text: string): FormatReading {
  if (/\.(sql|ddl)$/i.test(fileName)) return { format: 'sql' };
  if (/\.avsc$/i.test(fileName)) return { format: 'avro' };
  if (/\.proto$/i.test(fileName)) return { format: 'protobuf' };
  if (/\.(mmd|mermaid)$/i.test(fileName)) return { format: 'mermaid-er' };
  const isJson = /\.json$/i.test(fileName);
  const keys = isJson ? jsonTopLevel(text) : undefined;
  const specification = keys ? keys.dataContractSpecification : yamlSpecificationVersion(text);
  if (specification !== undefined)
    return { format: 'odcs', refusal: dataContractSpecificationRefusal(fileName, specification) };
  if (!isJson) return { format: 'odcs' };
  if (keys?.kind === 'DataContract' && /^v3\./.test(String(keys.apiVersion))) return { format: 'odcs' };
  if (/"type"\s*:\s*"record"/.test(text)) return { format: 'avro' };
  if (keys && !JSON_SCHEMA_KEYS.some((key) => key in keys)) {
    return {
      format: 'json-schema',
      refusal:
        'not a contract: a .json file is read as an ODCS contract (kind: DataContract), an Avro schema ("type": "record") or a JSON Schema (with "$schema", "type" or "properties")',
    };
  }
  return { format: 'json-schema' };
}

/** The top-level object of a JSON text; undefined when it is not one (the format's own reader says why). */
function jsonTopLevel(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function yamlSpecificationVersion(text: string): string | undefined {
  return /^["']?dataContractSpecification["']?\s*:\s*["']?([^"'\s#]*)/m.exec(text)?.[1];
}

function dataContractSpecificationRefusal(fileName: string, version: unknown): string {
  const file = fileName.split(/[\\/]/).pop() ?? fileName;
  return `a Data Contract Specification file (dataContractSpecification: ${String(version)}), not an ODCS contract: convert it with datacontract-cli, \`datacontract export --format odcs ${file}\`, and import what it writes`;
}
