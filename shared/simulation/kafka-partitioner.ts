/**
 * The partition Kafka's default partitioner picks for a key: murmur2 of the key's UTF-8 bytes,
 * made positive, modulo the partition count. Records without a key get 0 here; an append places
 * them a batch at a time (`prepareAppend` in broker-log.ts). The key
 * is its text or already its UTF-8 bytes.
 */
export function kafkaPartition(key: string | ArrayLike<number> | null, partitions: number): number {
  if (key === null) return 0;
  return (murmur2(typeof key === 'string' ? utf8Bytes(key) : key) & 0x7fffffff) % partitions;
}

/** Kafka's `Utils.murmur2`, 32-bit arithmetic as in Java. */
export function murmur2(data: ArrayLike<number>): number {
  const length = data.length;
  const m = 0x5bd1e995;
  let h = 0x9747b28c ^ length;
  const wholeWords = length - (length % 4);
  for (let index = 0; index < wholeWords; index += 4) {
    let k =
      ((data[index] as number) & 0xff) |
      (((data[index + 1] as number) & 0xff) << 8) |
      (((data[index + 2] as number) & 0xff) << 16) |
      (((data[index + 3] as number) & 0xff) << 24);
    k = Math.imul(k, m);
    k ^= k >>> 24;
    k = Math.imul(k, m);
    h = Math.imul(h, m) ^ k;
  }
  const remaining = length % 4;
  if (remaining === 3) h ^= ((data[wholeWords + 2] as number) & 0xff) << 16;
  if (remaining >= 2) h ^= ((data[wholeWords + 1] as number) & 0xff) << 8;
  if (remaining >= 1) h = Math.imul(h ^ ((data[wholeWords] as number) & 0xff), m);
  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h | 0;
}

/**
 * UTF-8 without TextEncoder, which the pure core cannot assume. Every record key is hashed
 * through it, so it walks UTF-16 units rather than iterating code points.
 */
export function utf8Bytes(text: string): number[] {
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index++) {
    let code = text.charCodeAt(index);
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const low = text.charCodeAt(index + 1);
    if (code >= 0xd800 && code < 0xdc00 && low >= 0xdc00 && low < 0xe000) {
      code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
      index++;
    }
    if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else {
      bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    }
  }
  return bytes;
}
