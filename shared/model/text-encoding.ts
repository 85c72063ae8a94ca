/** UTF-8 facts about text and bytes, counted the same way in the renderer, main, the CLI and a worker. */

interface Utf8Encoder {
  encode(text: string): Uint8Array;
}

/**
 * How many bytes `text` takes as UTF-8: what a file of it weighs on disk. The platform's encoder
 * counts fastest; the loop below is its definition (a lone surrogate is written as U+FFFD).
 */
export function utf8ByteLength(text: string): number {
  // Every character is one to three bytes (a surrogate pair is four for two characters).
  if (text.length * 3 <= MAX_CHARACTERS_COUNTED_BY_HAND) return countUtf8Bytes(text);
  const { TextEncoder } = globalThis as unknown as { TextEncoder?: new () => Utf8Encoder };
  return TextEncoder ? new TextEncoder().encode(text).length : countUtf8Bytes(text);
}

const MAX_CHARACTERS_COUNTED_BY_HAND = 3 * 1024 * 1024;

export function countUtf8Bytes(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      // A surrogate pair is one code point of 4 bytes; a lone surrogate is written as U+FFFD (3).
      if (next >= 0xdc00 && next <= 0xdfff) index++;
      bytes += next >= 0xdc00 && next <= 0xdfff ? 4 : 3;
    } else bytes += 3;
  }
  return bytes;
}

/** The offset of the first byte that is not valid UTF-8 (overlong forms and surrogates included), or -1. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] as number;
    if (lead < 0x80) {
      index++;
      continue;
    }
    // [continuation bytes, lowest second byte, highest second byte] per RFC 3629's table.
    const shape =
      lead >= 0xc2 && lead <= 0xdf
        ? [1, 0x80, 0xbf]
        : lead === 0xe0
          ? [2, 0xa0, 0xbf]
          : lead === 0xed
            ? [2, 0x80, 0x9f]
            : lead >= 0xe1 && lead <= 0xef
              ? [2, 0x80, 0xbf]
              : lead === 0xf0
                ? [3, 0x90, 0xbf]
                : lead === 0xf4
                  ? [3, 0x80, 0x8f]
                  : lead >= 0xf1 && lead <= 0xf3
                    ? [3, 0x80, 0xbf]
                    : null;
    if (!shape) return index;
    const [continuations, low, high] = shape as [number, number, number];
    const second = bytes[index + 1];
    if (second === undefined || second < low || second > high) return index;
    for (let offset = 2; offset <= continuations; offset++) {
      const byte = bytes[index + offset];
      if (byte === undefined || byte < 0x80 || byte > 0xbf) return index;
    }
    index += continuations + 1;
  }
  return -1;
}

interface Utf8Decoder {
  decode(bytes: Uint8Array): string;
}

/**
 * Decodes bytes already known to be valid UTF-8. TextDecoder exists wherever shared/ runs
 * (browsers, workers, Node) but is a web API, outside the ES library shared/ is checked against.
 */
export function decodeValidUtf8(bytes: Uint8Array): string {
  const { TextDecoder } = globalThis as unknown as {
    TextDecoder: new (label: string, options: { ignoreBOM: boolean }) => Utf8Decoder;
  };
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}
