import { useEffect, useState } from 'react';
import { loadMonaco, type MonacoApi } from './load-monaco';

/**
 * The class of every editable Monaco container. React Flow takes Space (to pan the canvas) from
 * any focus but an input field or an element inside `.nokey`, and Monaco types into a div.
 */
export const MONACO_CONTAINER = 'nokey';

/**
 * Monaco once `load` has brought it in (null until then). When it could not load, the error is
 * thrown while drawing, so the part's boundary shows why in its place, with a Retry.
 */
export function useMonaco(load: () => Promise<MonacoApi> = loadMonaco): MonacoApi | null {
  const [monaco, setMonaco] = useState<MonacoApi | null>(null);
  const [loadError, setLoadError] = useState<Error | null>(null);
  useEffect(() => {
    let isMounted = true;
    load().then(
      (loaded) => isMounted && setMonaco(loaded),
      (error: Error) => isMounted && setLoadError(error),
    );
    return () => {
      isMounted = false;
    };
  }, [load]);
  if (loadError) throw loadError;
  return monaco;
}
