import type { z } from 'zod';
import { nearMiss } from './near-miss';
import { discriminatorValues, typesAUnionTakes, valueAt } from './plain-schema-issue';
import { formatPath, type Problem } from './problem';
import { type KnownFields, knownFieldsAt } from './schema-known-fields';
import { joinedWith, withIndefiniteArticle } from './word-list';

type SchemaIssue = z.core.$ZodIssue;

/**
 * The problems the file format's `schema` finds in `input` as one issue, in the words of the app
 * and the CLI (`missing required field 'description'`) rather than zod's: one per field it does
 * not know, at that field. A message a schema gives itself is kept as it is written.
 */
export function schemaIssueProblems(issue: SchemaIssue, input: unknown, schema: z.core.$ZodType): Problem[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: formatPath([...issue.path, key]),
      message: unknownFieldMessage(schema, issue.path, key, input),
    }));
  }
  return [{ path: formatPath(issue.path), message: schemaIssueMessage(issue, input) }];
}

/**
 * The problems the file format's `schema` finds in `input`, as `schemaIssueProblems` words each
 * issue, less the required fields an unknown field beside them nearly spells.
 */
export function schemaProblems(issues: readonly SchemaIssue[], input: unknown, schema: z.core.$ZodType): Problem[] {
  return withoutMisspeltRequiredFields(issues, input, schema).flatMap((issue) =>
    schemaIssueProblems(issue, input, schema),
  );
}

/**
 * The issues less a required field found missing where an unknown field beside it nearly spells
 * it (`outpuPorts` for `outputPorts`): the unknown field's message already names it.
 */
export function withoutMisspeltRequiredFields(
  issues: readonly SchemaIssue[],
  input: unknown,
  schema: z.core.$ZodType,
): SchemaIssue[] {
  const misspelt = new Set(
    issues.flatMap((issue) => {
      if (issue.code !== 'unrecognized_keys') return [];
      return issue.keys.flatMap((key) => {
        const meant = fieldMeant(knownFieldsAt(schema, issue.path, input), key);
        return meant ? [formatPath([...issue.path, meant])] : [];
      });
    }),
  );
  const isMisspeltMissingField = (issue: SchemaIssue) =>
    issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined && misspelt.has(formatPath(issue.path));
  return issues.filter((issue) => !isMisspeltMissingField(issue));
}

/**
 * A field `schema` does not take at `path` of `input`: where it is a field of another member of a
 * union than the one the object's discriminator selects, which member takes what; else the known
 * field it nearly spells.
 */
export function unknownFieldMessage(
  schema: z.core.$ZodType,
  path: readonly PropertyKey[],
  name: string,
  input: unknown,
): string {
  const known = knownFieldsAt(schema, path, input);
  const { fields, selectedBy } = known;
  if (selectedBy?.otherMembersFields.includes(name)) {
    const takes = fields.filter((field) => field !== selectedBy.key).join(', ');
    return `unknown field: ${selectedBy.key} '${selectedBy.value}' does not take '${name}' (it takes: ${takes})`;
  }
  const meant = fieldMeant(known, name);
  return meant ? `unknown field (did you mean '${meant}'?)` : 'unknown field';
}

/** The known field an unknown `name` nearly spells; none where another member of a union takes it as it is. */
function fieldMeant({ fields, selectedBy }: KnownFields, name: string): string | undefined {
  if (selectedBy?.otherMembersFields.includes(name)) return undefined;
  return nearMiss(
    name,
    fields.filter((field) => field !== name),
  );
}

/** One schema issue in the words of the app and the CLI, for a caller that places it itself (the scenario editor). */
export function schemaIssueMessage(issue: SchemaIssue, input: unknown): string {
  if (!isZodsOwnMessage(issue.message)) return issue.message;
  const value = valueAt(input, issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      const field = issue.path.at(-1);
      const expected = withIndefiniteArticle(typeName(issue.expected));
      if (value === undefined)
        return typeof field === 'string' ? `missing required field '${field}'` : `missing: must be ${expected}`;
      // JSON.parse reads a number past the largest double (1e400) as Infinity, which zod calls no number.
      if (typeof value === 'number' && !Number.isFinite(value))
        return 'must be a number JavaScript can hold, between about -1.8e308 and 1.8e308, not one beyond';
      return `must be ${expected}, not ${describeType(value)}`;
    }
    case 'invalid_value':
      return oneOfMessage(issue.values, value);
    case 'invalid_union': {
      // A discriminated union whose `kind` matches no member lists the kinds it takes, as an enum does.
      const kinds = discriminatorValues(issue);
      if (kinds) {
        const field = issue.path.at(-1);
        const missing = value === undefined && typeof field === 'string' ? `missing required field '${field}': ` : '';
        return `${missing}${oneOfMessage(kinds, value)}`;
      }
      const types = typesAUnionTakes(issue);
      if (!types) return issue.message;
      const words = types.map((type) => (type === 'null' ? type : withIndefiniteArticle(typeName(type))));
      return `must be ${joinedWith(words, 'or')}, not ${describeType(value)}`;
    }
    case 'too_small':
    case 'too_big':
      return sizeMessage(issue);
    default:
      return issue.message;
  }
}

/** `must be 'a' or 'b', not 'c'`: the values a field takes, and the one it holds. */
function oneOfMessage(values: readonly unknown[], value: unknown): string {
  const given = value === undefined ? '' : `, not ${literalText(value)}`;
  return `must be ${joinedWith(values.map(literalText), 'or')}${given}`;
}

/** zod's own messages start with these; a schema's custom message reads as it was written. */
const ZOD_MESSAGE_STARTS = ['Invalid input', 'Invalid option', 'Invalid discriminator value', 'Too small', 'Too big'];

function isZodsOwnMessage(message: string): boolean {
  return ZOD_MESSAGE_STARTS.some((start) => message.startsWith(start));
}

function sizeMessage(issue: Extract<SchemaIssue, { code: 'too_small' | 'too_big' }>): string {
  const isMinimum = issue.code === 'too_small';
  const bound = Number(isMinimum ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  const limit = `${isMinimum ? 'at least' : 'at most'} ${inclusive ? bound : bound + (isMinimum ? 1 : -1)}`;
  switch (issue.origin) {
    case 'string':
      return isMinimum && bound === 1 && inclusive ? 'must not be empty' : `must have ${limit} characters`;
    case 'array':
      return isMinimum && bound === 1 && inclusive ? 'must have at least one item' : `must have ${limit} items`;
    case 'number':
    case 'int':
      return inclusive
        ? `must be ${isMinimum ? 'at least' : 'at most'} ${bound}`
        : `must be ${isMinimum ? 'more' : 'less'} than ${bound}`;
    default:
      return issue.message;
  }
}

function typeName(expected: string): string {
  return expected === 'int' ? 'whole number' : expected;
}

/** What a value is, as a message says it got one: `a string`, `an array`, `the number 1.5`. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' && !Number.isInteger(value)) return `the number ${value}`;
  return withIndefiniteArticle(typeof value);
}

function literalText(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}
