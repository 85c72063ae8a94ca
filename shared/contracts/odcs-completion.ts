import { DATASET_KIND_PROPERTY } from './odcs-document';
import { type KeySuggestion, logicalTypeOptionsFor, suggestKeys, suggestValues } from './odcs-schema-guide';
import type { YamlCursorPath } from './yaml-cursor-path';

/**
 * The keys to offer at the cursor: those the schema allows in its mapping but not yet written
 * there. Under `logicalTypeOptions`, those of the property's `logicalType` (a number's `minimum`,
 * not a string's `maxLength`), as the schema allows them only so.
 */
export function completeOdcsKeys(cursor: YamlCursorPath, apiVersion?: string): KeySuggestion[] {
  const logicalType = unquoted(cursor.parentSiblings.get('logicalType') ?? '');
  const allowed =
    cursor.parentPath.at(-1) === 'logicalTypeOptions' && logicalType !== ''
      ? logicalTypeOptionsFor(logicalType, apiVersion)
      : suggestKeys(cursor.parentPath, apiVersion);
  return allowed.filter((suggestion) => !cursor.siblings.has(suggestion.key));
}

/** The values to offer for the key at the cursor: the schema's, and the kinds the app's `datasetKind` custom property takes. */
export function completeOdcsValues(cursor: YamlCursorPath, apiVersion?: string): string[] {
  if (!cursor.key) return [];
  const isCustomValue = cursor.key === 'value' && cursor.parentPath.join('.') === 'customProperties.[]';
  if (isCustomValue && unquoted(cursor.siblings.get('property') ?? '') === DATASET_KIND_PROPERTY) {
    return ['event', 'entity'];
  }
  return suggestValues(cursor.parentPath, cursor.key, apiVersion);
}

function unquoted(value: string): string {
  return /^(["'])(.*)\1$/.exec(value)?.[2] ?? value;
}
