import type { Dataset } from './dataset';

/** How the refusal of a result without a column its port's contract declares begins (published-fields says it before a run). */
export const RESULT_LACKS = 'its result has no';

/**
 * Why a result cannot fill its contract's columns, if it cannot. Read by name, a column it lacks
 * would not be NULL but the text of its name: SQLite reads a "name" that names nothing as a string.
 * A NULL stands in only for a column the contract leaves optional: in a required one it gets every
 * record quarantined.
 */
export function missingColumnsMessage(
  dataset: Dataset,
  resultColumns: readonly string[],
  nonNullColumns: ReadonlySet<string>,
): string | undefined {
  const produced = new Set(resultColumns.map((name) => name.toLowerCase()));
  const missing = dataset.columns.map((column) => column.name).filter((name) => !produced.has(name.toLowerCase()));
  if (missing.length === 0) return undefined;
  const which =
    missing.length === 1
      ? `column ${missing[0]}, which its contract declares: add it`
      : `columns ${missing.join(', ')}, which its contract declares: add them`;
  const required = missing.filter((name) => nonNullColumns.has(name));
  const [firstOptional] = missing.filter((name) => !nonNullColumns.has(name));
  const advice = [
    ...(required.length > 0
      ? [
          `${required.length === 1 ? 'a computed value' : 'computed values'} for ${required.join(', ')}, which the contract requires: a NULL gets every record quarantined`,
        ]
      : []),
    ...(firstOptional !== undefined ? [`NULL AS ${firstOptional} where it has no value yet`] : []),
  ];
  return `${RESULT_LACKS} ${which} to the SELECT (${advice.join('; ')})`;
}
