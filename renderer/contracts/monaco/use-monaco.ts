import { useEffect, useState } from 'react';
import { loadMonaco, type MonacoApi } from './load-monaco';

/**
 * The class of every editable Monaco container. React Flow takes Space (to pan the canvas) from
 * any focus but an input field or an element inside `.nokey`, and Monaco types into a div.
 */
export const MONACO_CONTAINER = 'nokey';

/** Monaco once `load` has brought it in (null until then), or why it could not load. */
export function useMonaco(load: () => Promise<MonacoApi> = loadMonaco): {
  monaco: MonacoApi | null;
  loadError: string | null;
} {
  const [monaco, setMonaco] = useState<MonacoApi | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    let isMounted = true;
    load().then(
      (loaded) => isMounted && setMonaco(loaded),
      (error: Error) => isMounted && setLoadError(error.message),
    );
    return () => {
      isMounted = false;
    };
  }, [load]);
  return { monaco, loadError };
}
