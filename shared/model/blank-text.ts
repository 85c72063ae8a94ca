/**
 * Characters that show nothing where they stand: white space, line and paragraph separators,
 * controls, format characters (U+200B zero-width space, U+FEFF, U+2060 word joiner, U+180E)
 * and the rest Unicode says a reader may ignore.
 */
const INVISIBLE = /^[\s\p{Zs}\p{Zl}\p{Zp}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]*$/u;

/** Whether a name (an owner, a team) shows nothing: empty, or only spaces and invisible characters. */
export function isBlank(text: string | undefined): boolean {
  return text === undefined || INVISIBLE.test(text);
}
