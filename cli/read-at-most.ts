/**
 * The bytes of a stream, or null once it holds more than `maxBytes`: reading stops there, so an
 * endless input (`/dev/zero`, a pipe) is refused as soon as it passes the limit, never held whole.
 */
export async function readAtMost(chunks: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Uint8Array | null> {
  const kept: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    // Leaving the loop closes the stream.
    if (total > maxBytes) return null;
    kept.push(chunk);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of kept) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
