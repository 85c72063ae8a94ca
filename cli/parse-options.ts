export interface ParsedOptions {
  ok: boolean;
  error?: string;
  positional: string[];
  values: Record<string, string>;
  flags: Record<string, boolean>;
}

/** `--name value` options, `--flag` switches and the rest as positional arguments. */
export function parseOptions(args: readonly string[], spec: { values: string[]; flags: string[] }): ParsedOptions {
  const parsed: ParsedOptions = { ok: true, positional: [], values: {}, flags: {} };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    if (!arg.startsWith('--')) {
      parsed.positional.push(arg);
      continue;
    }
    const name = arg.slice(2);
    if (spec.flags.includes(name)) parsed.flags[name] = true;
    else if (spec.values.includes(name) && index + 1 < args.length) parsed.values[name] = args[++index] as string;
    else return { ...parsed, ok: false, error: `unknown option or missing value: ${arg}` };
  }
  return parsed;
}
