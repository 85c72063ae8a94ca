const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};
/** C0 and C1 controls, DEL, and Unicode's line and paragraph separators: whatever may end or rewrite a line, or that a reader refuses. */
const LINE_CONTROLS = '\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029';
/**
 * The bidirectional controls that show the text after them in another order than it is written
 * (embeddings, overrides, LRI and RLI, the marks), as "Trojan Source" hides code.
 */
const REORDERING_CONTROLS = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066\\u2067';
/** The first-strong isolate and its pop: the app isolates names in its messages with them. */
const ISOLATES = '\\u2068\\u2069';

const CONTROL_CHARACTERS = new RegExp(`[${LINE_CONTROLS}]`, 'g');
const CONTROL_CHARACTERS_AND_REORDERING = new RegExp(`[${LINE_CONTROLS}${REORDERING_CONTROLS}]`, 'g');
const CONTROL_CHARACTERS_AND_ISOLATES = new RegExp(`[${LINE_CONTROLS}${REORDERING_CONTROLS}${ISOLATES}]`, 'g');
const BIDI_CONTROL = new RegExp(`[${REORDERING_CONTROLS}${ISOLATES}]`);

const escapedCharacter = (character: string): string =>
  SHORT_ESCAPES[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Text with each control character written as JSON writes it (`\n`, `\u001b`, `\u0085`), so it shows and cannot act. */
export function controlsEscaped(text: string): string {
  return text.replace(CONTROL_CHARACTERS, escapedCharacter);
}

/** As `controlsEscaped`, the reordering controls too (`\u202e`): for a line printed where the app's isolates are kept (the CLI's). */
export function controlsAndReorderingEscaped(text: string): string {
  return text.replace(CONTROL_CHARACTERS_AND_REORDERING, escapedCharacter);
}

/** As `controlsAndReorderingEscaped`, the isolates too: for text the app isolates no name in (a comment in an exported file). */
export function everyControlEscaped(text: string): string {
  return text.replace(CONTROL_CHARACTERS_AND_ISOLATES, escapedCharacter);
}

/** The embeddings, overrides and isolates: they reorder text, and no name needs them (the marks, U+200E and U+200F, right-to-left text may). */
const EMBEDDINGS_OVERRIDES_AND_ISOLATES = /[\u202a-\u202e\u2066-\u2069]/g;

/** The characters a name should not hold, each once in order of appearance: control characters, and the bidirectional controls no name needs. */
export function hiddenCharactersIn(name: string): { controls: string[]; bidiControls: string[] } {
  const distinct = (pattern: RegExp) => [...new Set(name.match(pattern) ?? [])];
  return { controls: distinct(CONTROL_CHARACTERS), bidiControls: distinct(EMBEDDINGS_OVERRIDES_AND_ISOLATES) };
}

/** The name without the characters `hiddenCharactersIn` finds. */
export function withoutHiddenCharacters(name: string): string {
  return name.replace(CONTROL_CHARACTERS, '').replace(EMBEDDINGS_OVERRIDES_AND_ISOLATES, '');
}

/**
 * Format characters that draw nothing (soft hyphen, zero-width space, word joiner and the invisible
 * operators, U+FEFF, interlinear annotations): text holding one looks like other text it is not.
 * The joiners U+200C and U+200D are left out, as Persian words and emoji need them.
 */
const INVISIBLE_FORMAT = /[\u00ad\u180e\u200b\u2060-\u2064\ufeff\ufff9-\ufffb]/g;

/** The invisible format characters in a text, each once in order of appearance. */
export function invisibleFormatCharactersIn(text: string): string[] {
  return [...new Set(text.match(INVISIBLE_FORMAT) ?? [])];
}

/** As `everyControlEscaped`, the invisible format characters too (`\u200b`): for an identifier, which needs none of them. */
export function everyHiddenCharacterEscaped(text: string): string {
  return everyControlEscaped(text).replace(INVISIBLE_FORMAT, escapedCharacter);
}

/** A character as Unicode names it: `U+202E`. */
export function codePointLabel(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first bidirectional control in a text (U+202E, U+2068…), if any. */
export function bidiControlIn(text: string): string | undefined {
  return BIDI_CONTROL.exec(text)?.[0];
}

/** An escape `controlsEscaped` writes (`\u001b`, `\n`: see SHORT_ESCAPES), or else one character. */
const ESCAPE_OR_CHARACTER = /\\(?:u[0-9a-f]{4}|[nrtbf])|[\s\S]/gu;

/** Text written by `controlsEscaped`, as characters and whole escapes: where a line may break. */
export function escapedCharacters(text: string): string[] {
  return text.match(ESCAPE_OR_CHARACTER) ?? [];
}
