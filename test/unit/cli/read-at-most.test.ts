import { describe, expect, it } from 'vitest';
import { readAtMost } from '../../../cli/read-at-most';

async function* endlessZeros(chunkBytes: number, pulled: { chunks: number }) {
  for (;;) {
    pulled.chunks += 1;
    yield new Uint8Array(chunkBytes);
  }
}

async function* chunksOf(...texts: string[]) {
  for (const text of texts) yield new TextEncoder().encode(text);
}

describe('reading a stream up to a limit', () => {
  it('gives every byte of a stream within the limit, in order', async () => {
    const bytes = await readAtMost(chunksOf('{"a"', ':1}'), 8);
    expect(new TextDecoder().decode(bytes ?? new Uint8Array())).toBe('{"a":1}');
  });

  it('stops an endless stream as soon as it passes the limit, and says it was too long', async () => {
    const pulled = { chunks: 0 };
    expect(await readAtMost(endlessZeros(1024, pulled), 10 * 1024)).toBeNull();
    expect(pulled.chunks).toBe(11);
  });

  it('accepts a stream of exactly the limit', async () => {
    expect((await readAtMost(chunksOf('12345'), 5))?.length).toBe(5);
  });
});
