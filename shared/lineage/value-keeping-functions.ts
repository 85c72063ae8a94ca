/**
 * Which arguments of a SQL function its result keeps the value of: what a classification (pii)
 * must follow. Kept is any argument written into the result as it is, or read back from it: the
 * value itself, but also a separator (`group_concat(gate, full_name)`), a replacement, a format
 * text, a default, a padding, or a JSON path that becomes a key (`json_set(doc, '$.' || passport_no, 1)`).
 * `first`: the result is (a part of, a rewrite of, a pick among rows of) the first argument;
 * `first-two`: of the first two (strftime's format text and time); `first-and-third`: of the first
 * and the third (replace's replacement, lag's default, lpad's padding); `every`: of any argument;
 * `after-first`: of any argument but the first, which says how (a condition); `document-and-values`:
 * of the first argument (a JSON document) and of each value after a path, the path only finding
 * where (`json_replace(doc, '$.email', email)`). A function not listed computes something new from
 * its arguments (`COUNT(email)`, `LENGTH(email)`, `INSTR(email, '@')`): its result keeps none of them.
 * An argument that only says how (trim's characters removed, a date's modifiers, round's digits) is not kept.
 *
 * docs/governance.md lists this table; a unit test keeps the two alike.
 */
export type KeptArguments = 'first' | 'first-two' | 'first-and-third' | 'every' | 'after-first' | 'document-and-values';

export const VALUE_KEEPING_FUNCTIONS: Readonly<Record<string, KeptArguments>> = {
  // Cut, cased, trimmed, padded, replaced
  trim: 'first',
  ltrim: 'first',
  rtrim: 'first',
  lower: 'first',
  upper: 'first',
  substr: 'first',
  substring: 'first',
  replace: 'first-and-third',
  // Not in SQLite: other dialects' lpad(text, length, padding) write the padding out
  lpad: 'first-and-third',
  rpad: 'first-and-third',
  // Rounded or unsigned: the value at a coarser grain (a birth date rounded is its year)
  round: 'first',
  ceil: 'first',
  ceiling: 'first',
  floor: 'first',
  trunc: 'first',
  abs: 'first',
  // Encoded: the value can be read back
  hex: 'first',
  unhex: 'first',
  quote: 'first',
  unistr: 'first',
  unicode: 'first',
  char: 'every',
  // The same date or time in another form (a birth date normalised is still the birth date)
  date: 'first',
  time: 'first',
  datetime: 'first',
  julianday: 'first',
  unixepoch: 'first',
  strftime: 'first-two',
  // Hints to the query planner, which return their first argument as it is
  likely: 'first',
  unlikely: 'first',
  likelihood: 'first',
  // Formatted or joined
  printf: 'every',
  format: 'every',
  concat: 'every',
  concat_ws: 'every',
  // Defaulted or chosen
  coalesce: 'every',
  ifnull: 'every',
  nullif: 'first',
  iif: 'after-first',
  if: 'after-first',
  // Picked among rows (aggregates and window functions that return one row's value)
  min: 'every',
  max: 'every',
  group_concat: 'every',
  string_agg: 'every',
  first_value: 'first',
  last_value: 'first',
  nth_value: 'first',
  lag: 'first-and-third',
  lead: 'first-and-third',
  // Wrapped in JSON, or a part of a JSON text picked or edited (SQLite's jsonb_ twins keep it in binary JSON)
  json: 'first',
  jsonb: 'first',
  json_quote: 'first',
  json_pretty: 'every',
  json_extract: 'first',
  jsonb_extract: 'first',
  json_remove: 'first',
  jsonb_remove: 'first',
  json_array: 'every',
  jsonb_array: 'every',
  json_object: 'every',
  jsonb_object: 'every',
  json_patch: 'every',
  jsonb_patch: 'every',
  json_insert: 'every',
  jsonb_insert: 'every',
  json_replace: 'document-and-values',
  jsonb_replace: 'document-and-values',
  json_set: 'every',
  jsonb_set: 'every',
  json_array_insert: 'document-and-values',
  jsonb_array_insert: 'document-and-values',
  json_group_array: 'first',
  jsonb_group_array: 'first',
  json_group_object: 'every',
  jsonb_group_object: 'every',
};

/** A copy that is no longer the whole value: `rounded` to a coarser grain (`round(income, -4)`), or `cut` to a part (`substr(ni, -3)`). */
export type CopyAlteration = 'rounded' | 'cut';

const COPY_ALTERATIONS: Readonly<Record<string, CopyAlteration>> = {
  round: 'rounded',
  ceil: 'rounded',
  ceiling: 'rounded',
  floor: 'rounded',
  trunc: 'rounded',
  substr: 'cut',
  substring: 'cut',
};

/** How a call to `name` alters the value it keeps, if it does not keep it whole. */
export function copyAlterationOf(name: string): CopyAlteration | undefined {
  return COPY_ALTERATIONS[name.toLowerCase()];
}

/** The arguments of a call to `name` whose values its result keeps (none for a function not in the table). */
export function keptArguments<T>(name: string, args: readonly T[]): readonly T[] {
  switch (VALUE_KEEPING_FUNCTIONS[name.toLowerCase()]) {
    case 'first':
      return args.slice(0, 1);
    case 'first-two':
      return args.slice(0, 2);
    case 'first-and-third':
      return args.filter((_, index) => index === 0 || index === 2);
    case 'every':
      return args;
    case 'after-first':
      return args.slice(1);
    case 'document-and-values':
      // The arguments after the document go path, value, path, value…
      return args.filter((_, index) => index === 0 || (index >= 2 && index % 2 === 0));
    default:
      return [];
  }
}
