/*
 * Contracts are read as YAML 1.2, where habits from YAML 1.1 (PyYAML, SnakeYAML, older guides)
 * read otherwise: `version: 1.10` is the number 1.1, `required: yes` the string "yes". The
 * schema's bare "must be string" does not say why; the hint says how the value was read.
 */

/** A plain (unquoted) scalar as written, and what YAML 1.2 read it as. */
export interface PlainScalar {
  source: string;
  value: unknown;
}

/** YAML 1.1's boolean words, strings in YAML 1.2, and the boolean each meant. */
const YAML11_BOOLEANS = new Map<string, boolean>([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON'].map((word) => [word, true] as const),
  ...['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF'].map((word) => [word, false] as const),
]);

/** The boolean a YAML 1.1 boolean word (`yes`, `Off`) meant; undefined for any other text. */
export function yaml11BooleanOf(word: string): boolean | undefined {
  return YAML11_BOOLEANS.get(word);
}

const WANTS_STRING = /\bmust be (?:of type )?(?:[\w ,]* )?string\b/;
const WANTS_BOOLEAN = /\bmust be (?:of type )?(?:[\w ,]* )?boolean\b/;

/**
 * How YAML 1.2 read a plain scalar the schema refuses as not a string or not a boolean, and what
 * to write instead: `1.10 is the number 1.1 in YAML 1.2: quote it, "1.10"`; `yes is the string
 * "yes" in YAML 1.2: write true`. Undefined where the value's text tells nothing more.
 */
export function yaml12ReadingHint(message: string, scalar: PlainScalar): string | undefined {
  const { source, value } = scalar;
  if (WANTS_STRING.test(message) && typeof value !== 'string') {
    const reading = value === null ? 'null' : `the ${typeof value} ${String(value)}`;
    return `${source} is ${reading} in YAML 1.2: quote it, ${JSON.stringify(source)}`;
  }
  const meant = typeof value === 'string' ? yaml11BooleanOf(value) : undefined;
  if (WANTS_BOOLEAN.test(message) && meant !== undefined) {
    return `${source} is the string ${JSON.stringify(source)} in YAML 1.2: write ${meant}`;
  }
  return undefined;
}
