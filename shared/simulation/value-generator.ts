import type { LifecycleStage, ValueGenerator } from '../model/scenario';
import { formatSequence } from '../model/sequence-format';
import { type Column, numericDigits } from '../model/table';
import { type FakePerson, fakeValue } from './fake-values';
import { numericLimit, storedInColumn } from './numeric-digits-fit';
import type { RandomStream } from './seeded-random';
import { sequenceExhausted } from './sequence-limit';
import type { SqlValue } from './sql-workspace';
import { drawStage, drawWeighted } from './weighted-choice';

/** What a generated value may depend on besides the random stream. */
export interface GenerationContext {
  /** The simulated clock's current time, ISO-8601. */
  now: string;
  /** Whether the row is one present before CDC starts (the snapshot's), not one a service inserts. */
  isInitialRow: boolean;
  /**
   * A value of an existing row of `table.column` other than `unlike` (when given): null when that
   * table is empty, undefined when each of its rows has `unlike`'s value.
   */
  sampleReference(table: string, column: string, unlike?: Unlike): SqlValue | undefined;
}

/** A value a reference must not take, and the column of the row being drawn that holds it. */
export interface Unlike {
  column: string;
  value: SqlValue;
}

/** The value a column of the row being drawn already has. */
export type DrawnValue = (column: string) => SqlValue;

export type ColumnValue = (context: GenerationContext, drawn?: DrawnValue) => SqlValue;

/**
 * A column's values; its fake values describe the row's `person` this column is about, as some of
 * the table's other fake columns do. A numeric column's numbers are cut to its scale (declared, or
 * the `engine`'s default), as the database stores them.
 */
export function columnValue(
  generator: ValueGenerator,
  column: Column,
  random: RandomStream,
  person: () => FakePerson,
  engine: string,
): ColumnValue {
  const value = generatedValue(generator, column, random, person);
  return column.type === 'numeric' ? (context, drawn) => storedInColumn(value(context, drawn), column, engine) : value;
}

function generatedValue(
  generator: ValueGenerator,
  column: Column,
  random: RandomStream,
  person: () => FakePerson,
): ColumnValue {
  switch (generator.kind) {
    case 'sequence': {
      let next = generator.start ?? 1;
      return () => {
        // Past it, next++ rounds to a value already made.
        if (next > Number.MAX_SAFE_INTEGER) throw new Error(sequenceExhausted(column.name));
        const value = next++;
        return generator.format ? formatSequence(generator.format, value) : value;
      };
    }
    case 'uuid':
      return () => uuid(random);
    case 'oneOf':
      return () => sqlValueOf(drawWeighted(generator, random));
    case 'lifecycle': {
      // Rows present before CDC starts have lived a while: any stage. New ones start at the first.
      const { stages } = generator;
      const firstStage = stages[0] as LifecycleStage;
      return (context) => sqlValueOf(drawStage(context.isInitialRow ? random.pick(stages) : firstStage, random));
    }
    case 'integer':
      return () => random.integer(generator.min, generator.max);
    case 'decimal': {
      const factor = 10 ** generator.scale;
      const span = generator.max - generator.min;
      return () => {
        const drawn = generator.min + random.next() * span;
        const scaled = Math.round(drawn * factor);
        // A scale past ~300 overflows a double: the number already has every decimal it can hold.
        return Number.isFinite(scaled) ? scaled / factor : drawn;
      };
    }
    case 'fake':
      return () => fakeValue(generator.what, random, person);
    case 'now': {
      const later = generator.laterByMinutes;
      const time = later
        ? (context: GenerationContext) =>
            new Date(Date.parse(context.now) + random.integer(later.min, later.max) * 60_000).toISOString()
        : (context: GenerationContext) => context.now;
      return column.type === 'date' ? (context) => time(context).slice(0, 10) : time;
    }
    case 'reference':
      return (context, drawn) => {
        const { differentFrom } = generator;
        const unlike = differentFrom && drawn ? { column: differentFrom, value: drawn(differentFrom) } : undefined;
        const value = context.sampleReference(generator.table, generator.column, unlike);
        if (value === undefined) throw new Error(noOtherRow(column, generator, unlike as Unlike));
        if (value === null && !column.nullable) throw new Error(noRowsToReference(column, generator));
        return value;
      };
  }
}

/**
 * The generator a column gets when the scenario names none: keys count up, required columns get
 * a plausible value of their type, optional ones stay NULL.
 */
export function defaultGenerator(column: Column, isSoleKey: boolean): ValueGenerator | undefined {
  if (isSoleKey) return column.type === 'integer' ? { kind: 'sequence', start: 1 } : { kind: 'uuid' };
  if (column.nullable) return undefined;
  switch (column.type) {
    case 'integer':
      return { kind: 'integer', min: 0, max: 1000 };
    case 'real':
      return { kind: 'decimal', min: 0, max: 1000, scale: 2 };
    case 'numeric': {
      const scale = Math.min(2, numericDigits(column)?.scale ?? 2);
      return { kind: 'decimal', min: 0, max: Math.min(1000, numericLimit(column) ?? 1000), scale };
    }
    case 'boolean':
      return { kind: 'oneOf', values: [true, false] };
    case 'timestamp':
    case 'date':
      return { kind: 'now' };
    case 'json':
      return { kind: 'oneOf', values: ['{}'] };
    case 'text':
      return { kind: 'fake', what: 'word' };
  }
}

function noRowsToReference(column: Column, reference: { table: string; column: string }): string {
  return `${column.name} references ${reference.table}.${reference.column}, which has no rows yet: give ${reference.table} initialRows, or insert its rows before this table's`;
}

function noOtherRow(column: Column, reference: { table: string; column: string }, unlike: Unlike): string {
  return `${column.name} must differ from ${unlike.column} (${unlike.value}), but no row of ${reference.table} has another ${reference.column}: give ${reference.table} more rows`;
}

export function sqlValueOf(value: string | number | boolean | null): SqlValue {
  return typeof value === 'boolean' ? Number(value) : value;
}

function uuid(random: RandomStream): string {
  const hex = Array.from({ length: 32 }, () => random.integer(0, 15).toString(16));
  hex[12] = '4';
  hex[16] = ((random.integer(0, 15) & 0x3) | 0x8).toString(16);
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}
