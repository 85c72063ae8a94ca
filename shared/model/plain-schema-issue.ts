import type { z } from 'zod';
import { joinedWith } from './word-list';

/** What a field is for, said where the schema finds it missing or of the wrong type, by field name. */
export type FieldHints = Readonly<Record<string, string>>;

/** The value a path reaches in a parsed document; undefined where it is missing. */
export function valueAt(document: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((current, segment) => (current as Record<PropertyKey, unknown>)?.[segment], document);
}

const NOUNS: Record<string, string> = {
  array: 'a list',
  object: 'an object',
  string: 'a text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  null: 'null',
};

/**
 * A schema issue in plain words rather than zod's (`Invalid input: expected array, received
 * undefined`): what the field wants, with its hint where one is given, and what it got.
 */
export function plainSchemaIssue(issue: z.core.$ZodIssue, document: unknown, hints: FieldHints = {}): string {
  const value = valueAt(document, issue.path);
  const field = issue.path.at(-1);
  const hint = typeof field === 'string' ? hints[field] : undefined;
  switch (issue.code) {
    case 'invalid_type': {
      const wanted = NOUNS[issue.expected] ?? issue.expected;
      if (value === undefined) return hint ? `is required: ${hint}` : `is required (${wanted})`;
      // JSON.parse reads a number past the largest double (1e400) as Infinity, which zod calls no number.
      if (typeof value === 'number' && !Number.isFinite(value))
        return 'must be a number JavaScript can hold, between about -1.8e308 and 1.8e308 (got one beyond)';
      return `${hint ?? `must be ${wanted}`} (got ${nounOf(value)})`;
    }
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'must not be empty';
      if (issue.origin === 'array')
        return `needs at least ${issue.minimum} ${Number(issue.minimum) === 1 ? 'entry' : 'entries'}`;
      return issue.inclusive === false ? `must be more than ${issue.minimum}` : `must be at least ${issue.minimum}`;
    case 'too_big':
      return issue.inclusive === false ? `must be less than ${issue.maximum}` : `must be at most ${issue.maximum}`;
    case 'invalid_value':
      return `must be one of: ${listed(issue.values)} (got ${JSON.stringify(value)})`;
    case 'invalid_union': {
      const kinds = discriminatorValues(issue);
      if (kinds)
        return value === undefined
          ? `is required (one of: ${listed(kinds)})`
          : `must be one of: ${listed(kinds)} (got ${JSON.stringify(value)})`;
      const types = typesAUnionTakes(issue);
      if (!types) return issue.message;
      const words = types.flatMap((type) => (type === 'boolean' ? ['true', 'false'] : [NOUNS[type] ?? type]));
      return `must be ${joinedWith(words, 'or')} (got ${nounOf(value)})`;
    }
    default:
      return issue.message;
  }
}

/**
 * The values a discriminated union's discriminator takes, where the issue is that it holds none of
 * them (missing, or `kind: 'null_field'`); undefined for any other issue.
 */
export function discriminatorValues(issue: z.core.$ZodIssue): readonly unknown[] | undefined {
  if (issue.code !== 'invalid_union' || !('options' in issue) || !issue.options?.length) return undefined;
  return issue.options;
}

function listed(values: readonly unknown[]): string {
  return values.map((allowed) => JSON.stringify(allowed)).join(', ');
}

function nounOf(value: unknown): string {
  if (Array.isArray(value)) return NOUNS.array as string;
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'a whole number' : 'a number';
  return NOUNS[typeof value] ?? typeof value;
}

/**
 * The types a union of plain types takes (`string`, `number`, `boolean`, `null`), from the issue
 * each member raised; none where a member refused the value for more than its type.
 */
export function typesAUnionTakes(issue: z.core.$ZodIssue): string[] | undefined {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return undefined;
  const types: string[] = [];
  for (const memberIssues of issue.errors) {
    const [only] = memberIssues;
    if (memberIssues.length !== 1 || !only || only.path.length > 0) return undefined;
    const memberTypes = only.code === 'invalid_type' ? [only.expected] : typesAUnionTakes(only);
    if (!memberTypes) return undefined;
    types.push(...memberTypes);
  }
  return types;
}
