import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { schemaIssueProblems, schemaProblems, unknownFieldMessage } from '../../../shared/model/schema-issue-text';

/** The problems a schema finds in a value, as `path: message`. */
function problemsOf(schema: z.ZodType, value: unknown): string[] {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected the value to be refused');
  return parsed.error.issues
    .flatMap((issue) => schemaIssueProblems(issue, value, schema))
    .map((p) => `${p.path}: ${p.message}`);
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

  it('names the types a value of several may have, not zod’s "Invalid input"', () => {
    const scalar = z.union([z.string(), z.number(), z.boolean()]);
    const schema = z.object({
      where: z.record(z.string(), scalar),
      values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    });
    expect(problemsOf(schema, { where: { station_id: null }, values: { status: ['a'] } })).toEqual([
      'where.station_id: must be a string, a number or a boolean, not null',
      'values.status: must be a string, a number, a boolean or null, not an array',
    ]);
  });

  it('keeps a message the schema writes itself', () => {
    expect(
      problemsOf(z.object({ id: z.string().regex(/^[a-z]+$/, 'must be lowercase letters') }), { id: 'A' }),
    ).toEqual(['id: must be lowercase letters']);
  });

  it('names each field it does not know at the field, with a known field that is close, wherever the object is', () => {
    const fault = z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('delay'), millis: z.number() }),
      z.strictObject({ kind: z.literal('drop'), records: z.number() }),
    ]);
    const schema = z.strictObject({
      faults: z.array(fault).optional(),
      places: z.record(z.string(), z.strictObject({ x: z.number(), y: z.number() })),
      owner: z.strictObject({ name: z.string() }).nullable(),
    });
    const value = {
      faults: [{ kind: 'drop', record: 1, records: 1 }],
      places: { a: { x: 0, y: 0, label: 'A' } },
      owner: { name: 'Ana', email: 'ana@example.com', nane: 'Ana' },
    };
    expect(problemsOf(schema, value)).toEqual([
      "faults[0].record: unknown field (did you mean 'records'?)",
      'places.a.label: unknown field',
      'owner.email: unknown field',
      "owner.nane: unknown field (did you mean 'name'?)",
    ]);
  });

  it('says a misspelt required field once, as the unknown field that nearly spells it', () => {
    const schema = z.strictObject({ outputPorts: z.array(z.string()), inputPorts: z.array(z.string()) });
    const value = { outpuPorts: [] };
    const parsed = schema.safeParse(value);
    const problems = parsed.success ? [] : schemaProblems(parsed.error.issues, value, schema);
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      "inputPorts: missing required field 'inputPorts'",
      "outpuPorts: unknown field (did you mean 'outputPorts'?)",
    ]);
  });

  describe('a field of another member of a union', () => {
    const fault = z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('redeliver'), topicId: z.string(), records: z.number() }),
      z.strictObject({ kind: z.literal('null-field'), topicId: z.string(), column: z.string() }),
    ]);
    const schema = z.strictObject({ faults: z.array(fault) });

    it('says which member the discriminator chose and what that member takes, rather than suggesting the name typed', () => {
      const value = { faults: [{ kind: 'null-field', topicId: 't', column: 'c', records: 2 }] };
      expect(problemsOf(schema, value)).toEqual([
        "faults[0].records: unknown field: kind 'null-field' does not take 'records' (it takes: topicId, column)",
      ]);
    });

    it('suggests a field of the chosen member only', () => {
      const value = { faults: [{ kind: 'null-field', topicId: 't', column: 'c', colum: 'c', record: 2 }] };
      expect(problemsOf(schema, value)).toEqual([
        "faults[0].colum: unknown field (did you mean 'column'?)",
        'faults[0].record: unknown field',
      ]);
    });

    it('says which kinds there are where the kind is none of them, and where it is missing', () => {
      const value = {
        faults: [
          { kind: 'null_field', topicId: 't', column: 'c' },
          { topicId: 't', records: 2 },
        ],
      };
      expect(problemsOf(schema, value)).toEqual([
        "faults[0].kind: must be 'redeliver' or 'null-field', not 'null_field'",
        "faults[1].kind: missing required field 'kind': must be 'redeliver' or 'null-field'",
      ]);
    });

    it('never suggests the name typed, even where no discriminator chooses a member', () => {
      const either = z.strictObject({
        place: z.union([z.strictObject({ x: z.number() }), z.strictObject({ records: z.number() })]),
      });
      expect(unknownFieldMessage(either, ['place'], 'records', { place: { x: 1, records: 2 } })).toBe('unknown field');
    });
  });
});
