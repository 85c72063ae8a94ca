import { useEffect, useState } from 'react';
import { loadMonaco, type MonacoApi } from './load-monaco';

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
