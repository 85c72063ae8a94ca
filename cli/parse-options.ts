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
 * after `--`, everything is positional (for a file named `-x`).
 */
export function parseOptions(args: readonly string[], spec: { values: string[]; flags: string[] }): ParsedOptions {
  const parsed: ParsedOptions = { ok: true, positional: [], values: {}, flags: {} };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    if (arg === '--') {
      parsed.positional.push(...args.slice(index + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      parsed.positional.push(arg);
      continue;
    }
    const [name = '', inlineValue] = arg.replace(/^--?/, '').split(/=(.*)/s);
    if (spec.flags.includes(name) && inlineValue === undefined) parsed.flags[name] = true;
    else if (spec.values.includes(name) && inlineValue !== undefined) parsed.values[name] = inlineValue;
    else if (spec.values.includes(name) && index + 1 < args.length) parsed.values[name] = args[++index] as string;
    else return { ...parsed, ok: false, error: `unknown option or missing value: ${arg}` };
  }
  return parsed;
}
