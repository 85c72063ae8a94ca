import { useEffect } from 'react';
import type { MonacoApi } from './load-monaco';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function isDarkTheme(): boolean {
  const chosen = document.documentElement.dataset.theme;
  return chosen ? chosen === 'dark' : window.matchMedia(DARK_QUERY).matches;
}

/** Monaco's theme follows the app's: the `data-theme` the user chose, else the OS. */
export function useMonacoTheme(monaco: MonacoApi | null): void {
  useEffect(() => {
    if (!monaco) return;
    const apply = () => monaco.editor.setTheme(isDarkTheme() ? 'vs-dark' : 'vs');
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    const media = window.matchMedia(DARK_QUERY);
    media.addEventListener('change', apply);
    return () => {
      observer.disconnect();
      media.removeEventListener('change', apply);
    };
  }, [monaco]);
}
