/** Plurals English does not make with -s, -es or -ies, for the tables most designs have. */
const IRREGULAR_PLURALS: Record<string, string> = { person: 'people', child: 'children' };

/**
 * Whether a column's name says it holds the sole key of a table: the key's own name
 * (`customer_id` for customers keyed by `customer_id`), or, for a key named `id` (the app's
 * default, and most ORMs'), the table's name, singular or plural, before `_id` (`animal_id` and
 * `animals_id` for animals, `category_id` for categories, `box_id` for boxes).
 */
export function isNamedForKey(columnName: string, tableName: string, soleKey: string): boolean {
  if (columnName === soleKey) return true;
  const [, named] = /^(.+)_id$/i.exec(columnName) ?? [];
  if (soleKey.toLowerCase() !== 'id' || named === undefined) return false;
  return pluralsOf(named.toLowerCase()).includes(tableName.toLowerCase());
}

/** The name itself (already plural, or a singular table) and its plurals by English's simple rules. */
function pluralsOf(name: string): string[] {
  const irregular = IRREGULAR_PLURALS[name];
  return [
    name,
    `${name}s`,
    ...(/(s|x|z|ch|sh)$/.test(name) ? [`${name}es`] : []),
    ...(/[^aeiou]y$/.test(name) ? [`${name.slice(0, -1)}ies`] : []),
    ...(irregular ? [irregular] : []),
  ];
}
