import { allowedValues } from './imported-schema';

/** What a JSON Schema alternative listing values says of each that ODCS 3.2 keeps on its enum entry. */
const DOCUMENTING_KEYWORDS = { title: 'label', description: 'description' } as const;

/** Keywords of such an alternative that say no more than its values do, or nothing about them. */
const RESTATING_KEYWORDS = new Set(['const', 'enum', 'type', '$comment', ...Object.keys(DOCUMENTING_KEYWORDS)]);

export interface ValueAlternatives {
  values: unknown[];
  /** ODCS 3.2 enum entry fields (`label`, `description`) by the value's text; none when no alternative says more. */
  documentation?: Record<string, Record<string, string>>;
  /** The keywords of an alternative that ODCS has no place for, by the alternative's position. */
  unread: { index: number; keyword: string; value: unknown }[];
}

/**
 * A `oneOf`/`anyOf` whose every alternative lists its values (`{ "const": "sms", "title": "Text
 * message" }`, or an `enum`), as JSON Schema writes an enum whose values are documented: its
 * values in order, a sole value's title and description, and what else the alternatives say.
 * None when an alternative is a schema of its own (a type, an object), which one enum cannot say.
 */
export function valueAlternatives(alternatives: readonly Record<string, unknown>[]): ValueAlternatives | undefined {
  const lists = alternatives.map((alternative) => listedValues(alternative));
  if (alternatives.length === 0 || lists.some((list) => list === undefined)) return undefined;
  const documented = alternatives.flatMap((alternative, index) => {
    const values = allowedValues(lists[index] ?? []);
    const entry = Object.fromEntries(
      Object.entries(DOCUMENTING_KEYWORDS).flatMap(([keyword, field]) =>
        typeof alternative[keyword] === 'string' ? [[field, alternative[keyword]]] : [],
      ),
    );
    return values.length === 1 && Object.keys(entry).length > 0 ? [[String(values[0]), entry] as const] : [];
  });
  return {
    values: lists.flatMap((list) => list ?? []),
    ...(documented.length > 0 && { documentation: Object.fromEntries(documented) }),
    unread: alternatives.flatMap((alternative, index) =>
      Object.entries(alternative)
        .filter(([keyword]) => !RESTATING_KEYWORDS.has(keyword))
        .map(([keyword, value]) => ({ index, keyword, value })),
    ),
  };
}

/** The values `enum` or `const` allows, if it lists any. */
export function listedValues(schema: Record<string, unknown>): unknown[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum;
  return schema.const === undefined ? undefined : [schema.const];
}
