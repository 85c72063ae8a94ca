import { isMap, parseDocument } from 'yaml';
import { ContractIdSchema } from '../model/ids';

/** A top-level string of a contract's text, read even when the text has problems elsewhere. */
function readableTopLevelString(text: string, key: string): string | undefined {
  const document = parseDocument(text, { uniqueKeys: false });
  const value = isMap(document.contents) ? document.contents.get(key) : undefined;
  return typeof value === 'string' ? value : undefined;
}

/**
 * The `id` a contract's text gives, even when the text has problems elsewhere (a tab, a
 * duplicate key, a field the schema refuses): what a draft of it can be kept under until it
 * is fixed. Nothing when the text has no valid id at its top level.
 */
export function readableContractId(text: string): string | undefined {
  const id = readableTopLevelString(text, 'id');
  return id !== undefined && ContractIdSchema.safeParse(id).success ? id : undefined;
}

/** The `name` a contract's text gives, even when it has problems: what to call a draft by. */
export function readableContractName(text: string): string | undefined {
  const name = readableTopLevelString(text, 'name')?.trim();
  return name ? name : undefined;
}
