// Copying YAML and SQL to the clipboard is the only browser permission the app uses: a paste gets the
// clipboard's text from its paste event, or from main ('clipboard:read-text'), never by reading it itself.
const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** Camera, location, notifications and the rest are refused without asking the user. */
export function isPermissionGranted(permission: string): boolean {
  return GRANTED_PERMISSIONS.has(permission);
}
