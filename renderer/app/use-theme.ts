import { useEffect } from 'react';
import { usePreferencesStore } from '../store/preferences-store';

/** Puts the chosen theme on <html data-theme>; without one, the stylesheet follows the OS. */
export function useTheme(): void {
  const theme = usePreferencesStore((state) => state.theme);
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
}
