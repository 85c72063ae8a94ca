import { counted } from '../model/word-list';
import { isJsonObject } from './odcs-document';

/** One constraint of a property in words, with what is to be shown as written (a pattern, a format) apart. */
export interface ConstraintWords {
  words: string;
  code?: string;
  /** Why the value, said as written, could not be read (a draft's `maxLength: 120x`): the reader must not take it for a constraint. */
  unreadable?: string;
}

/** How each bound reads: dates and times are before and after, numbers less and more. */
const BOUND_WORDS = {
  minimum: { amount: 'at least', time: 'not before' },
  exclusiveMinimum: { amount: 'more than', time: 'after' },
  maximum: { amount: 'at most', time: 'not after' },
  exclusiveMaximum: { amount: 'less than', time: 'before' },
} as const;

const TIME_TYPES = new Set(['date', 'timestamp', 'time']);

/** Pairs of options that count something, said together (`3 to 10 characters`). */
const COUNTS = [
  { lower: 'minLength', upper: 'maxLength', noun: 'character' },
  { lower: 'minItems', upper: 'maxItems', noun: 'item' },
  { lower: 'minProperties', upper: 'maxProperties', noun: 'property', plural: 'properties' },
] as const;

/**
 * A property's ODCS `logicalTypeOptions` in words, for people reading the contract (the Preview):
 * `at least 0`, `3 to 10 characters`, `matches ^FR[0-9]{10}$`. An option the app does not know is
 * said as written, so that none is left out.
 */
export function describeTypeOptions(logicalType: string | undefined, options: unknown): ConstraintWords[] {
  if (!isJsonObject(options)) return [];
  const said = new Set<string>();
  const take = (key: string) => {
    said.add(key);
    return options[key];
  };
  const isTime = logicalType !== undefined && TIME_TYPES.has(logicalType);
  const words: ConstraintWords[] = [];
  const unreadable: ConstraintWords[] = [];
  for (const [key, bound] of Object.entries(BOUND_WORDS)) {
    const value = take(key);
    if (value === undefined) continue;
    if (isTime || typeof value === 'number')
      words.push({ words: `${isTime ? bound.time : bound.amount} ${String(value)}` });
    else unreadable.push(unreadableWords(key, value, 'not a number'));
  }
  for (const count of COUNTS) {
    const [lower, upper] = [take(count.lower), take(count.upper)];
    const phrase = countPhrase(lower, upper, count.noun, 'plural' in count ? count.plural : undefined);
    if (phrase) words.push({ words: phrase });
    for (const [key, value] of [
      [count.lower, lower],
      [count.upper, upper],
    ] as const) {
      if (value !== undefined && !isCount(value))
        unreadable.push(unreadableWords(key, value, 'not a whole number ≥ 0'));
    }
  }
  const step = take('multipleOf');
  if (typeof step === 'number') words.push({ words: `a multiple of ${step}` });
  else if (step !== undefined) unreadable.push(unreadableWords('multipleOf', step, 'not a number'));
  if (options.pattern !== undefined) words.push({ words: 'matches', code: String(take('pattern')) });
  if (options.format !== undefined) words.push({ words: 'format', code: String(take('format')) });
  if (take('uniqueItems') === true) words.push({ words: 'no item twice' });
  const required = take('required');
  if (Array.isArray(required)) words.push({ words: 'must have', code: required.join(', ') });
  const timezone = take('timezone');
  if (typeof timezone === 'boolean') words.push({ words: timezone ? 'with a time zone' : 'without a time zone' });
  if (options.defaultTimezone !== undefined) {
    words.push({ words: 'time zone when none is given', code: String(take('defaultTimezone')) });
  }
  const unknown = Object.entries(options).filter(([key]) => !said.has(key));
  return [...words, ...unreadable, ...unknown.map(([key, value]) => ({ words: key, code: JSON.stringify(value) }))];
}

/** An option whose value the app cannot read, said as the YAML writes it and marked, never left out. */
function unreadableWords(key: string, value: unknown, why: string): ConstraintWords {
  return {
    words: key,
    code: typeof value === 'string' ? value : JSON.stringify(value),
    unreadable: `${why}, not read`,
  };
}

const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

/** `3 to 10 characters`, `exactly 14 characters`, `at least 1 item`; nothing without a whole-number bound. */
function countPhrase(lower: unknown, upper: unknown, noun: string, plural?: string): string | undefined {
  if (isCount(lower) && isCount(upper)) {
    return lower === upper ? `exactly ${counted(upper, noun, plural)}` : `${lower} to ${counted(upper, noun, plural)}`;
  }
  if (isCount(lower)) return `at least ${counted(lower, noun, plural)}`;
  if (isCount(upper)) return `at most ${counted(upper, noun, plural)}`;
  return undefined;
}
