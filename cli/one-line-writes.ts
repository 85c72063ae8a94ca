import type { CliIo } from './cli-io';

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};
/** C0 and C1 controls, DEL, and Unicode's line and paragraph separators: whatever may end or rewrite a terminal line. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this is for
const LINE_BREAKERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Text as one terminal line: each control character escaped as JSON writes it (`\n`, `\u0085`); bidi isolates kept. */
export function asOneLine(text: string): string {
  return text.replace(
    LINE_BREAKERS,
    (character) => SHORT_ESCAPES[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * The io with every `out` and `err` one line, so a name holding a line break cannot split a
 * finding or pass for a line of its own (`x.mesh.json: ok`). Blocks of lines print line by line.
 */
export function oneLinePerWrite(io: CliIo): CliIo {
  return { ...io, out: (line) => io.out(asOneLine(line)), err: (line) => io.err(asOneLine(line)) };
}

/** A value as indented JSON, one line per write. */
export function jsonLines(value: unknown): string[] {
  return JSON.stringify(value, null, 2).split('\n');
}
