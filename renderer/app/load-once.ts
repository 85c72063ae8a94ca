/**
 * `load` run on the first call and its result shared by the calls after it, unless it failed: a
 * failed load is forgotten, so the next call (a Retry, the next part that wants it) loads again.
 */
export function loadOnce<Loaded>(load: () => Promise<Loaded>): () => Promise<Loaded> {
  let loading: Promise<Loaded> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}
