import { utf8Bytes } from '../model/utf8-bytes';
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
