import { everyHiddenCharacterEscaped } from './control-characters';
import { quoted } from './isolated-names';

/**
 * A classification as a message names it: quoted, its invisible characters escaped (`' internal'`,
 * `'pii\u200b'`), as spaces around a word or a character that draws nothing set it apart from another.
 */
export function quotedClassification(classification: string): string {
  return quoted(everyHiddenCharacterEscaped(classification));
}
