import { useSyncExternalStore } from 'react';
import { usePreferencesStore } from '../store/preferences-store';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribeToOsTheme(onChange: () => void): () => void {
  const media = window.matchMedia(DARK_QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

const isOsDark = () => window.matchMedia(DARK_QUERY).matches;

/** Whether the app is drawn dark: the theme the user chose, or under `system` the OS's. */
export function useIsDark(): boolean {
  const theme = usePreferencesStore((state) => state.theme);
  const osIsDark = useSyncExternalStore(subscribeToOsTheme, isOsDark);
  return theme === 'system' ? osIsDark : theme === 'dark';
}
