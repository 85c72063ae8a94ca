const REPLACEMENT_CHARACTER = '\uFFFD';
const LAST_CODE_POINT = 0x10ffff;
const SURROGATES = { first: 0xd800, last: 0xdfff };

/**
 * The character a browser shows for a numeric entity code (`&#9829;`, Mermaid's `#9829;`): the
 * code point, or U+FFFD where it names none (0, a surrogate half, past Unicode), as HTML's parser
 * reads it, where `String.fromCodePoint` would throw.
 */
export function characterOfCode(digits: string): string {
  const code = Number(digits);
  const isSurrogate = code >= SURROGATES.first && code <= SURROGATES.last;
  const isCharacter = code > 0 && code <= LAST_CODE_POINT && !isSurrogate;
  return isCharacter ? String.fromCodePoint(code) : REPLACEMENT_CHARACTER;
}
