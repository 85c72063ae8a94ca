import { describe, expect, it } from 'vitest';
import { utf8Bytes } from '../../../shared/model/utf8-bytes';
import { kafkaPartition, murmur2 } from '../../../shared/simulation/kafka-partitioner';

describe("Kafka's default partitioner", () => {
  it("hashes like Kafka's Utils.murmur2 (Kafka's own test vectors)", () => {
    expect(murmur2(utf8Bytes('21'))).toBe(-973932308);
    expect(murmur2(utf8Bytes('foobar'))).toBe(-790332482);
    expect(murmur2(utf8Bytes('a-little-bit-long-string'))).toBe(-985981536);
    expect(murmur2(utf8Bytes('a-little-bit-longer-string'))).toBe(-1486304829);
    expect(murmur2(utf8Bytes('lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8'))).toBe(-58897971);
    expect(murmur2([97, 98, 99])).toBe(479470107);
  });

  it('encodes keys as UTF-8, as the JSON converter does', () => {
    expect(utf8Bytes('é€😀')).toEqual([0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80]);
    // A lone surrogate is written as its three bytes, as before: keys come from SQLite, which holds UTF-8.
    expect(utf8Bytes('a\ud800b')).toEqual([0x61, 0xed, 0xa0, 0x80, 0x62]);
  });

  it('picks a partition in range and sends keyless records to partition 0', () => {
    expect(kafkaPartition('{"order_id":1000}', 3)).toBe((murmur2(utf8Bytes('{"order_id":1000}')) & 0x7fffffff) % 3);
    expect(kafkaPartition(null, 3)).toBe(0);
  });

  it('places a key given as its UTF-8 bytes (as SQL passes it) where its text goes', () => {
    for (const key of ['{"order_id":1000}', '{"id":"é€😀"}']) {
      expect(kafkaPartition(new Uint8Array(utf8Bytes(key)), 7)).toBe(kafkaPartition(key, 7));
    }
  });
});
