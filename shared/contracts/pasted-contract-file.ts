/** The last part of a qualified name, without SQL quotes: `"sales"."order_lines"` → `order_lines`. */
const lastNamePart = (name: string) =>
  name
    .split('.')
    .at(-1)
    ?.replace(/[`"[\]]/g, '') ?? name;

function jsonObject(text: string): Record<string, unknown> | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The file name a pasted text would have as a contract source, so that the importers read it in
 * its format (they tell formats by file name) and name its contract after what it defines: ODCS
 * YAML, SQL DDL, an Avro record, a JSON Schema or Protobuf messages. Undefined for any other text.
 */
export function pastedContractFileName(text: string): string | undefined {
  if (/^kind:\s*["']?DataContract\b/m.test(text) && /^apiVersion:/m.test(text)) return 'pasted.odcs.yaml';
  const table = /\bCREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?([^\s(]+)\s*\(/i.exec(text)?.[1];
  if (table) return `${lastNamePart(table)}.sql`;
  const message = /^\s*message\s+(\w+)\s*\{/m.exec(text)?.[1];
  if (message) return `${message}.proto`;
  const json = jsonObject(text);
  if (json?.type === 'record' && typeof json.name === 'string') return `${lastNamePart(json.name)}.avsc`;
  if (json && ('$schema' in json || 'properties' in json)) {
    return `${typeof json.title === 'string' ? json.title : 'pasted'}.json`;
  }
  return undefined;
}
