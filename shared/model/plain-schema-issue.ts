import type { z } from 'zod';

/** The value a path reaches in a parsed document; undefined where it is missing. */
export function valueAt(document: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((current, segment) => (current as Record<PropertyKey, unknown>)?.[segment], document);
}

/**
 * The values a discriminated union's discriminator takes, where the issue is that it holds none of
 * them (missing, or `kind: 'null_field'`); undefined for any other issue.
 */
export function discriminatorValues(issue: z.core.$ZodIssue): readonly unknown[] | undefined {
  if (issue.code !== 'invalid_union' || !('options' in issue) || !issue.options?.length) return undefined;
  return issue.options;
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
