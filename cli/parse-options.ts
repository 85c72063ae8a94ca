import { notInDecimalDigits } from '../shared/model/decimal-integer';
import { PROGRAM } from './cli-io';

export interface ParsedOptions {
  ok: boolean;
  error?: string;
  positional: string[];
  values: Record<string, string>;
  flags: Record<string, boolean>;
}

/**
 * `--name value` and `--name=value` options, `--flag` switches and the rest as positional
 * arguments. Anything else that starts with `-` is an unknown option, never a file name;
 * after `--`, everything is positional (for a file named `-x`). A lone `-`, which other tools
 * read as standard input or output, is refused: the commands read and write files only.
 */
export function parseOptions(args: readonly string[], spec: { values: string[]; flags: string[] }): ParsedOptions {
  const parsed: ParsedOptions = { ok: true, positional: [], values: {}, flags: {} };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    if (arg === '--') {
      parsed.positional.push(...args.slice(index + 1));
      break;
    }
    if (arg === '-') return { ...parsed, ok: false, error: STANDARD_STREAM_REFUSED };
    if (!arg.startsWith('-')) {
      parsed.positional.push(arg);
      continue;
    }
    const [name = '', inlineValue] = arg.replace(/^--?/, '').split(/=(.*)/s);
    if (spec.flags.includes(name) && inlineValue === undefined) {
      // Refused like a repeated value, as the usage says: each option is given at most once.
      if (parsed.flags[name]) return { ...parsed, ok: false, error: `--${name} given twice; give it once` };
      parsed.flags[name] = true;
      continue;
    }
    const value = inlineValue ?? (index + 1 < args.length ? args[++index] : undefined);
    if (!spec.values.includes(name) || value === undefined) {
      return { ...parsed, ok: false, error: `unknown option or missing value: ${arg}` };
    }
    if (value === '-') return { ...parsed, ok: false, error: STANDARD_STREAM_REFUSED };
    // Taking the last one alone would drop what the first asked for (`--format odcs --format sql`).
    const earlier = parsed.values[name];
    if (earlier !== undefined) {
      return { ...parsed, ok: false, error: `--${name} given twice ('${earlier}' and '${value}'); give it once` };
    }
    parsed.values[name] = value;
  }
  return parsed;
}

const STANDARD_STREAM_REFUSED = `'-' is not a file: ${PROGRAM} reads and writes files, not standard input or output; give a path (./- for a file named '-')`;

/**
 * Why a whole-number option is refused that `Number` would have read (`0x10`, `1e3`, ` 5`):
 * naming the decimal number it would have meant; null when every one is plain digits or no number.
 */
export function numberNotInDecimalDigits(values: Record<string, string>, names: readonly string[]): string | null {
  for (const name of names) {
    const problem = notInDecimalDigits(values[name] ?? '');
    if (problem !== null) return `--${name} ${problem}`;
  }
  return null;
}
