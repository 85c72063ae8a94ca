import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { schemaIssueProblem } from '../../../shared/model/schema-issue-text';

/** The problems a schema finds in a value, as `path: message`. */
function problemsOf(schema: z.ZodType, value: unknown): string[] {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected the value to be refused');
  return parsed.error.issues.map((issue) => schemaIssueProblem(issue, value)).map((p) => `${p.path}: ${p.message}`);
}

describe('the words for what a schema refuses', () => {
  it('says how big a number, text or list must be', () => {
    const schema = z.object({
      rate: z.number().min(0),
      share: z.number().lt(1),
      name: z.string().min(1),
      code: z.string().max(3),
      ports: z.array(z.string()).min(1),
    });
    expect(problemsOf(schema, { rate: -1, share: 1, name: '', code: 'abcd', ports: [] })).toEqual([
      'rate: must be at least 0',
      'share: must be less than 1',
      'name: must not be empty',
      'code: must have at most 3 characters',
      'ports: must have at least one item',
    ]);
  });

  it('names a whole number, and a missing item of a list by its place', () => {
    expect(problemsOf(z.object({ partitions: z.number().int() }), { partitions: 1.5 })).toEqual([
      'partitions: must be a whole number, not the number 1.5',
    ]);
    expect(problemsOf(z.array(z.string()), ['a', undefined])).toEqual(['[1]: missing: must be a string']);
  });

  it('keeps a message the schema writes itself', () => {
    expect(
      problemsOf(z.object({ id: z.string().regex(/^[a-z]+$/, 'must be lowercase letters') }), { id: 'A' }),
    ).toEqual(['id: must be lowercase letters']);
  });
});
