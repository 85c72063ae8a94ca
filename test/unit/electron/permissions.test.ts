import { describe, expect, it } from 'vitest';
import { isPermissionGranted } from '../../../electron/security/permissions';

describe('browser permissions', () => {
  it('lets the page write to the clipboard', () => {
    expect(isPermissionGranted('clipboard-sanitized-write')).toBe(true);
  });

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])('refuses %s', (permission) => {
    expect(isPermissionGranted(permission)).toBe(false);
  });
});
