import { APP_HOST, APP_SCHEME } from './app-protocol';
import { isOpenableLink } from './external-links';

export type NavigationDecision = 'stay-in-app' | 'open-in-browser' | 'refuse';

/** True only for pages of the bundled renderer, served at `app://bundle/`. */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed?.protocol === `${APP_SCHEME}:` && parsed.hostname.toLowerCase() === APP_HOST;
}

/**
 * Where a link or a navigation may go: the app stays in its window, an https page may go to the
 * OS browser (once the user confirms it), anything else goes nowhere.
 */
export function decideNavigation(url: string): NavigationDecision {
  if (isAppUrl(url)) return 'stay-in-app';
  return isOpenableLink(url) ? 'open-in-browser' : 'refuse';
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
