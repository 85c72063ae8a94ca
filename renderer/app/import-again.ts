/**
 * Imports a chunk again after its import failed. A browser may keep the failed module record for
 * its address, so when the plain import fails again the chunk named in the error is fetched anew
 * under a fresh address (its own imports keep theirs: the stores stay shared).
 */
export async function importAgain<Module>(load: () => Promise<Module>): Promise<Module> {
  try {
    return await load();
  } catch (error) {
    const chunk = failedChunkAddress(error);
    if (!chunk) throw error;
    return (await import(/* @vite-ignore */ `${chunk}?retry=${Date.now()}`)) as Module;
  }
}

/** The address in "Failed to fetch dynamically imported module: https://…/chunk.js" (Chromium's words). */
export function failedChunkAddress(error: unknown): string | null {
  const message = error instanceof Error ? error.message : String(error);
  return message.match(/(https?:|file:|app:)\/\/\S+?\.js\b/)?.[0] ?? null;
}
