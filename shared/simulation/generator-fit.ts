import type { ValueGenerator } from '../model/scenario';
import type { Column, ColumnType } from '../model/table';
import { integerColumnType } from './integer-column-type';
import { numericOverflowProblem } from './numeric-digits-fit';

type Scalar = string | number | boolean;

/** The column types each kind of generator makes values of (`oneOf` and `lifecycle`: by their values). */
const TYPES_MADE: Record<Exclude<ValueGenerator['kind'], 'oneOf' | 'lifecycle'>, readonly ColumnType[]> = {
  sequence: ['integer', 'real', 'numeric'],
  uuid: ['text'],
  integer: ['integer', 'real', 'numeric', 'text'],
  decimal: ['real', 'numeric', 'text'],
  fake: ['text'],
  now: ['timestamp', 'date', 'text'],
  reference: ['text', 'integer', 'real', 'numeric', 'boolean', 'timestamp', 'date', 'json'],
};

/**
 * Why a generator's values cannot be stored in a column of its type on the system's database
 * `engine`, and the field of the generator that says what does not fit (`.what`, `.values[1]`);
 * undefined when they can.
 */
export function generatorTypeProblem(
  generator: ValueGenerator,
  column: Column,
  engine: string,
): { field: string; message: string } | undefined {
  if (generator.kind === 'oneOf' || generator.kind === 'lifecycle') {
    const problems = writtenValues(generator).map(({ field, value }) => ({
      field,
      message: valueTypeProblem(value, column) ?? rangeProblem(value, column, engine),
    }));
    return problems.find((problem): problem is { field: string; message: string } => problem.message !== undefined);
  }
  if (generator.kind === 'sequence' && generator.format !== undefined) {
    return column.type === 'text'
      ? undefined
      : { field: '.format', message: misfitMessage('a formatted sequence', column) };
  }
  if (TYPES_MADE[generator.kind].includes(column.type)) return generatorRangeProblem(generator, column, engine);
  const misfit = misfitMessage(generatorName(generator), column);
  const isTextSequence = generator.kind === 'sequence' && column.type === 'text';
  return {
    field: generator.kind === 'fake' ? '.what' : '.kind',
    message: isTextSequence ? `${misfit}; give the sequence a format ("R-%04d") to make text` : misfit,
  };
}

/** Each value a `oneOf` or `lifecycle` writes out, with its field (`.values[1]`, `.stages[2].values[0]`). */
function writtenValues(
  generator: Extract<ValueGenerator, { kind: 'oneOf' | 'lifecycle' }>,
): { field: string; value: Scalar }[] {
  const valuesOf = (values: readonly Scalar[], field: string) =>
    values.map((value, at) => ({ field: `${field}.values[${at}]`, value }));
  if (generator.kind === 'oneOf') return valuesOf(generator.values, '');
  return generator.stages.flatMap((stage, at) =>
    typeof stage === 'object' ? valuesOf(stage.values, `.stages[${at}]`) : [{ field: `.stages[${at}]`, value: stage }],
  );
}

/** Why a value written in a scenario (a step's, a generator's) cannot be stored in the column, or undefined when it can. */
export function valueTypeProblem(value: Scalar, column: Column): string | undefined {
  return valueFits(value, column.type) ? undefined : misfitMessage(valueText(value), column);
}

/**
 * Why the database `engine` refuses a value a scenario step writes into the column, or undefined
 * when it takes it: besides a value of the column's type, text a number column reads as its
 * number (`'42'` for an integer), as PostgreSQL and SQLite's type affinity convert it; an
 * integer must be in the range of the engine's type.
 */
export function storedValueProblem(value: Scalar, column: Column, engine: string): string | undefined {
  const typeProblem = readsAsNumberOf(value, column.type) ? undefined : valueTypeProblem(value, column);
  return typeProblem ?? rangeProblem(value, column, engine);
}

/** Why a number (or text reading as one) is outside what the column's type holds: an integer type's range on the engine, a numeric(p,s)'s digits. */
function rangeProblem(value: Scalar, column: Column, engine: string): string | undefined {
  const number = typeof value === 'string' && readsAsNumberOf(value, 'numeric') ? Number(value) : value;
  const numericProblem = typeof number === 'number' ? numericOverflowProblem(number, column, engine) : undefined;
  return numericProblem ?? integerRangeProblem(value, column, engine);
}

/** Why an `integer` or `decimal` generator's range reaches past what a numeric(p,s) column holds, at the end that does. */
function generatorRangeProblem(
  generator: ValueGenerator,
  column: Column,
  engine: string,
): { field: string; message: string } | undefined {
  if (generator.kind !== 'integer' && generator.kind !== 'decimal') return undefined;
  for (const end of ['min', 'max'] as const) {
    const message = numericOverflowProblem(generator[end], column, engine);
    if (message) return { field: `.${end}`, message };
  }
  return undefined;
}

/** Why a whole number (or text reading as one) is outside the range of an integer column's type on the engine. */
function integerRangeProblem(value: Scalar, column: Column, engine: string): string | undefined {
  const whole = column.type === 'integer' ? wholeNumberOf(value) : undefined;
  const type = integerColumnType(engine);
  if (whole === undefined || (whole >= type.min && whole <= type.max)) return undefined;
  const typeName = `${article(type.name.toLowerCase())} ${type.name}`;
  return `${valueText(value)} does not fit '${column.name}', ${typeName} column (${type.min} to ${type.max})`;
}

/** The exact whole number a value is, as JavaScript holds it (1e300 is one), or undefined for any other value. */
function wholeNumberOf(value: Scalar): bigint | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : undefined;
  const text = typeof value === 'string' ? value.trim() : '';
  return /^[+-]?\d+$/.test(text) ? BigInt(text) : undefined;
}

function readsAsNumberOf(value: Scalar, type: ColumnType): boolean {
  if (typeof value !== 'string') return false;
  const text = value.trim();
  if (type === 'integer') return /^[+-]?\d+$/.test(text);
  return (type === 'real' || type === 'numeric') && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text);
}

function misfitMessage(what: string, column: Column): string {
  return `${what} does not fit '${column.name}', ${article(column.type)} ${column.type} column`;
}

/** A value as the scenario's JSON writes it, text in single quotes: `'x'`, `12`, `true`. */
function valueText(value: Scalar): string {
  return JSON.stringify(value).replaceAll('"', "'");
}

/** Why a column cannot hold the values of the column its `reference` generator copies, or undefined when it can. */
export function referenceTypeProblem(
  column: Column,
  referenced: { table: string; column: Column },
): string | undefined {
  if (holdsValuesOf(column.type, referenced.column.type)) return undefined;
  const { type } = referenced.column;
  return `'${column.name}' is ${article(column.type)} ${column.type} column; it cannot hold the values of ${referenced.table}.${referenced.column.name}, ${article(type)} ${type} column`;
}

/** Whether a column of type `type` keeps the values of a column of type `copied` as they are: its own type, or any number where a real or numeric goes. */
export function holdsValuesOf(type: ColumnType, copied: ColumnType): boolean {
  const isNumber = (candidate: ColumnType) =>
    candidate === 'integer' || candidate === 'real' || candidate === 'numeric';
  return type === copied || (type !== 'integer' && isNumber(type) && isNumber(copied));
}

/** Whether a value written out in a scenario can be stored in a column of this type. */
export function valueFits(value: Scalar, type: ColumnType): boolean {
  switch (type) {
    case 'integer':
      return Number.isInteger(value);
    case 'real':
    case 'numeric':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'timestamp':
    case 'date':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value));
    case 'json':
    case 'text':
      return typeof value !== 'boolean';
  }
}

function generatorName(generator: ValueGenerator): string {
  return generator.kind === 'fake' ? `a fake ${generator.what}` : `${article(generator.kind)} ${generator.kind}`;
}

function article(word: string): string {
  return /^([aeio]|un)/.test(word) ? 'an' : 'a';
}
