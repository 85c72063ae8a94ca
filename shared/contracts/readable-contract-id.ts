import { isMap, parseDocument } from 'yaml';
import { isValidId } from '../model/ids';

/**
 * The `id` a contract's text gives, even when the text has problems elsewhere (a tab, a
 * duplicate key, a field the schema refuses): what a draft of it can be kept under until it
 * is fixed. Nothing when the text has no valid id at its top level.
 */
export function readableContractId(text: string): string | undefined {
  const document = parseDocument(text, { uniqueKeys: false });
  const id = isMap(document.contents) ? document.contents.get('id') : undefined;
  return typeof id === 'string' && isValidId(id) ? id : undefined;
}
