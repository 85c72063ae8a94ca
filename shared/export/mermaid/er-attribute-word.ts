/**
 * What Mermaid's erDiagram lexer takes as a letter beyond ASCII's in an attribute's type or name
 * (`schneehöhe_cm`, `雪質`): a regular expression range, read without the `u` flag as Mermaid reads it.
 */
export const ER_LETTERS_BEYOND_ASCII = String.raw`\u00C0-\uFFFF`;

/** The first character of an attribute's word (its type or its name) to Mermaid's erDiagram lexer, a regular expression class. */
export const ER_ATTRIBUTE_WORD_START = `[*A-Za-z_${ER_LETTERS_BEYOND_ASCII}]`;
/** The characters that go on with an attribute's word to Mermaid's lexer, a regular expression class. */
export const ER_ATTRIBUTE_WORD_REST = String.raw`[A-Za-z0-9\-_[\]().,${ER_LETTERS_BEYOND_ASCII}*]`;
/** An attribute's type or name as Mermaid's lexer takes it, one word up to a space: `decimal(10,2)`, `public.money`, `*int`. */
export const ER_ATTRIBUTE_WORD = `${ER_ATTRIBUTE_WORD_START}${ER_ATTRIBUTE_WORD_REST}*`;

/** Mermaid reads `PK`, `FK` or `UK` (any case) at the start of a word, up to a `-`, as a key marker, never as a name. */
const KEY_MARKER = /^(?:pk|fk|uk)(?![A-Za-z0-9_])/i;
const NOT_IN_A_WORD = new RegExp(`[^A-Za-z0-9_\\-${ER_LETTERS_BEYOND_ASCII}]`, 'g');
const STARTS_A_WORD = new RegExp(`^[A-Za-z_${ER_LETTERS_BEYOND_ASCII}]`);

/** The `_`s that end a word led by `_`, which Mermaid draws as Markdown: `_internal_` in italics. */
const EMPHASIS_CLOSE = /(?<=^_.*[^_])_+$/;

/**
 * What Mermaid's erDiagram takes as an attribute's type or name and shows as written: other
 * characters as `_`, led by `_` where needed, and a word led by `_` not ended by one.
 */
export function attributeWord(text: string): string {
  const word = text.replace(NOT_IN_A_WORD, '_');
  const led = STARTS_A_WORD.test(word) && !KEY_MARKER.test(word) ? word : `_${word}`;
  return led.replace(EMPHASIS_CLOSE, '');
}
