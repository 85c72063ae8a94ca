import { useEffect, useState } from 'react';
import { loadMonaco, type MonacoApi } from './load-monaco';

/** Monaco once loaded (null until then), or why it could not load. */
export function useMonaco(): { monaco: MonacoApi | null; loadError: string | null } {
  const [monaco, setMonaco] = useState<MonacoApi | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    let isMounted = true;
    loadMonaco().then(
      (loaded) => isMounted && setMonaco(loaded),
      (error: Error) => isMounted && setLoadError(error.message),
    );
    return () => {
      isMounted = false;
    };
  }, []);
  return { monaco, loadError };
}
