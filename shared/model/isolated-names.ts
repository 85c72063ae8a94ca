import { controlsAndReorderingEscaped, controlsEscaped } from './control-characters';

/**
 * Characters that reorder text around them: letters of right-to-left scripts (Hebrew, Arabic,
 * Syriac, Thaana, N'Ko… and their presentation forms), the right-to-left and Arabic marks, and
 * the explicit embeddings, overrides and isolates.
 */
const REORDERING =
  /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFE\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

const FIRST_STRONG_ISOLATE = '\u2068';
const POP_DIRECTIONAL_ISOLATE = '\u2069';

/**
 * A user-given name as the app's own messages hold it: isolated (U+2068 … U+2069) when it could
 * reorder the text after it (a right-to-left name, a U+202E override), else exactly as typed, so
 * plain names print in the CLI's text as they always did.
 */
export function isolated(name: string): string {
  return REORDERING.test(name) ? `${FIRST_STRONG_ISOLATE}${name}${POP_DIRECTIONAL_ISOLATE}` : name;
}

/** A user-given name quoted in a message: `'Orders'`, isolated as `isolated` says. */
export function quoted(name: string): string {
  return `'${isolated(name)}'`;
}

/**
 * A user-given name (a file's, a design's) as the app shows it in its own text: its control
 * characters escaped and isolated as `isolated` says, as `mesh-designer` prints names, so it can
 * neither reorder nor break the text round it (the status line, the title, the start screen, menus).
 */
export function shownName(name: string): string {
  return isolated(controlsEscaped(name));
}

/**
 * A name offered as a choice (Open Recent, unsaved work to restore): as `shownName`, with its
 * direction controls escaped too (`\u202e`), as the CLI prints them, so a name cannot pass for
 * another (`x` U+202E `gpj.exe` drawn as `x exe.jpg`) where the user picks what to open.
 */
export function listedName(name: string): string {
  return isolated(controlsAndReorderingEscaped(name));
}
