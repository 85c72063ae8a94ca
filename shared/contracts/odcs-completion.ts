import { appCustomPropertyMeaning } from './app-custom-property-meanings';
import { APP_CUSTOM_PROPERTIES, DATASET_KIND_PROPERTY, KEEP_HISTORY_PROPERTY } from './odcs-document';
import {
  type KeySuggestion,
  logicalTypeOptionsFor,
  suggestKeys,
  suggestValues,
  type WrittenKeys,
} from './odcs-schema-guide';
import { describeQualityMetric } from './quality-metrics';
import { metricArguments } from './quality-rule-arguments';
import { SLA_PROPERTY_NAMES, slaUnitChoices, slaValueChoices } from './sla-choices';
import type { YamlCursorPath } from './yaml-cursor-path';

/** The keys to offer at the cursor: those the schema allows in its mapping, not written there yet and not deprecated; none in prose. */
export function completeOdcsKeys(cursor: YamlCursorPath, apiVersion?: string): KeySuggestion[] {
  if (cursor.isInText) return [];
  return keysAllowedAt(cursor, apiVersion).filter(
    (suggestion) => !cursor.siblings.has(suggestion.key) && !suggestion.isDeprecated,
  );
}

/**
 * The text a key taken from completion at the cursor writes, its key starting `keyColumn` (1-based)
 * in: in place of a key written with its colon already (`physicalTyp: uuid`), the key alone; in
 * block style, a key whose value opens a block ends its line at the colon and puts the caret on
 * the next, one `indentUnit` deeper; any other key is followed by the space its value needs.
 */
export function keyCompletionText(
  suggestion: KeySuggestion,
  cursor: YamlCursorPath,
  keyColumn: number,
  indentUnit: string,
): string {
  if (isReplacingWrittenKey(cursor)) return suggestion.key;
  if (!suggestion.opensBlock || cursor.isInFlow) return `${suggestion.key}: `;
  return `${suggestion.key}:\n${' '.repeat(keyColumn - 1)}${indentUnit}`;
}

/** Whether the cursor is on a key its colon follows on the line, so that a key taken replaces it whole rather than writing another colon. */
export function isReplacingWrittenKey(cursor: YamlCursorPath): boolean {
  return cursor.key !== undefined && !cursor.isInValue;
}

/**
 * The values to offer for the key at the cursor: the schema's; among a contract's custom properties,
 * the app's own names (`keepHistory`…), the kinds its `datasetKind` takes and `keepHistory`'s booleans;
 * in an SLA, the properties ODCS and the app know, a value in its property's shape (a date from
 * `today`, an ISO date) and the units of time of a duration.
 */
export function completeOdcsValues(
  cursor: YamlCursorPath,
  apiVersion?: string,
  today = new Date().toISOString().slice(0, 10),
): string[] {
  if (!cursor.key) return [];
  if (isContractCustomProperty(cursor)) {
    if (cursor.key === 'property') return [...APP_CUSTOM_PROPERTIES];
    const property = unquoted(cursor.siblings.get('property') ?? '');
    if (cursor.key === 'value' && property === DATASET_KIND_PROPERTY) return ['event', 'entity'];
    if (cursor.key === 'value' && property === KEEP_HISTORY_PROPERTY) return ['true', 'false'];
  }
  if (cursor.parentPath.join('.') === 'slaProperties.[]') {
    if (cursor.key === 'property') return [...SLA_PROPERTY_NAMES];
    const property = unquoted(cursor.siblings.get('property') ?? '');
    if (cursor.key === 'value') return [...slaValueChoices(property, today)];
    if (cursor.key === 'unit') return [...slaUnitChoices(property)];
  }
  if (isUnderLogicalTypeOptions(cursor)) {
    const options = logicalTypeOptionsFor(logicalTypeAt(cursor), apiVersion);
    return options.find((option) => option.key === cursor.key)?.values ?? [];
  }
  return suggestValues(cursor.parentPath, cursor.key, apiVersion, writtenKeysBeside(cursor));
}

/** The schema's documentation of the key at the cursor, read in its mapping (`host` of a Kafka server). */
export function describeOdcsKey(cursor: YamlCursorPath, apiVersion?: string): string | undefined {
  return cursor.key === undefined
    ? undefined
    : keysAllowedAt(cursor, apiVersion).find((suggestion) => suggestion.key === cursor.key)?.description;
}

/** The meaning of the value `word` at the cursor, where the standard gives values their own (a quality rule's `metric`). */
export function describeOdcsValue(cursor: YamlCursorPath, word: string): string | undefined {
  if (cursor.isInValue && cursor.key === 'metric') return describeQualityMetric(word);
  // A custom property the app reads, on its name (`property: keepHistory`) or on its value.
  if (!cursor.isInValue || !isContractCustomProperty(cursor)) return undefined;
  const name = cursor.key === 'property' ? word : cursor.key === 'value' ? cursor.siblings.get('property') : undefined;
  return name === undefined ? undefined : appCustomPropertyMeaning(unquoted(name));
}

/**
 * The keys the schema allows in the cursor's mapping, given what is written there (a Kafka
 * server's keys under `type: kafka`). Under `logicalTypeOptions`, those of the property's
 * `logicalType` (a number's `minimum`, not a date's), as the schema allows them only so.
 */
function keysAllowedAt(cursor: YamlCursorPath, apiVersion?: string): KeySuggestion[] {
  if (isUnderLogicalTypeOptions(cursor)) return logicalTypeOptionsFor(logicalTypeAt(cursor), apiVersion);
  // The schema leaves a rule's arguments free; its metric says which it reads.
  if (isUnderRuleArguments(cursor)) return metricArguments(unquoted(cursor.parentSiblings.get('metric') ?? ''));
  return suggestKeys(cursor.parentPath, apiVersion, writtenKeys(cursor.siblings));
}

const isUnderRuleArguments = (cursor: YamlCursorPath) =>
  cursor.parentPath.slice(-3).join('.') === 'quality.[].arguments';

const isContractCustomProperty = (cursor: YamlCursorPath) => cursor.parentPath.join('.') === 'customProperties.[]';

const logicalTypeAt = (cursor: YamlCursorPath) => unquoted(cursor.parentSiblings.get('logicalType') ?? '');

/** Whether the cursor is in a property's `logicalTypeOptions` whose `logicalType` is written. */
function isUnderLogicalTypeOptions(cursor: YamlCursorPath): boolean {
  return cursor.parentPath.at(-1) === 'logicalTypeOptions' && logicalTypeAt(cursor) !== '';
}

/** The keys written beside the one whose value is typed: that value, unfinished, chooses nothing yet. */
function writtenKeysBeside(cursor: YamlCursorPath): WrittenKeys {
  const written = new Map(writtenKeys(cursor.siblings));
  if (cursor.key !== undefined) written.delete(cursor.key);
  return written;
}

function writtenKeys(siblings: ReadonlyMap<string, string>): WrittenKeys {
  return new Map([...siblings].map(([key, value]) => [key, unquoted(value)]));
}

function unquoted(value: string): string {
  return /^(["'])(.*)\1$/.exec(value)?.[2] ?? value;
}
