import { resolveInside } from './contained-path';

/** The renderer is served from `app://bundle/`, a privileged scheme, instead of file:// URLs. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
const ENTRY_FILE = 'index.html';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/${ENTRY_FILE}`;

export type AppRequestResolution = { ok: true; filePath: string } | { ok: false; status: 400 | 403 | 404 };

/** Maps an `app://bundle/...` request to a file inside `rendererFolder`, refusing anything that would leave it. */
export function resolveAppRequest(rendererFolder: string, requestUrl: string): AppRequestResolution {
  let url: URL;
  let relativePath: string;
  try {
    url = new URL(requestUrl);
    relativePath = decodeURIComponent(url.pathname).replace(/^\//, '');
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname.toLowerCase() !== APP_HOST) return { ok: false, status: 404 };
  const filePath = resolveInside(rendererFolder, relativePath || ENTRY_FILE);
  return filePath === null ? { ok: false, status: 403 } : { ok: true, filePath };
}
