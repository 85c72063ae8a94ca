const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};
/** C0 and C1 controls, DEL, and Unicode's line and paragraph separators: whatever may end or rewrite a line, or that a reader refuses. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this is for
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Text with each control character written as JSON writes it (`\n`, `\u001b`, `\u0085`), so it shows and cannot act. */
export function controlsEscaped(text: string): string {
  return text.replace(
    CONTROL_CHARACTERS,
    (character) => SHORT_ESCAPES[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** An escape `controlsEscaped` writes (`\u001b`, `\n`: see SHORT_ESCAPES), or else one character. */
const ESCAPE_OR_CHARACTER = /\\(?:u[0-9a-f]{4}|[nrtbf])|[\s\S]/gu;

/** Text written by `controlsEscaped`, as characters and whole escapes: where a line may break. */
export function escapedCharacters(text: string): string[] {
  return text.match(ESCAPE_OR_CHARACTER) ?? [];
}
