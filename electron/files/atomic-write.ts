import { randomUUID } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { FileSystem } from './file-system';

/**
 * Replaces `path` with `text` (or bytes) so that a crash, a full disk or a failed rename leaves either
 * the old file or the new one, never a half-written mix.
 */
export async function writeFileAtomically(fs: FileSystem, path: string, text: string | Uint8Array): Promise<void> {
  // Same folder as the target: a rename is only atomic within one file system.
  const temporaryPath = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
  try {
    await fs.writeTextDurably(temporaryPath, text);
    await fs.rename(temporaryPath, path);
  } catch (error) {
    // The write's own failure is what the user needs to hear about, not a failed cleanup.
    await fs.remove(temporaryPath).catch(() => undefined);
    throw error;
  }
}
