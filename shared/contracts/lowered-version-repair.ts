import { bumpMinor, compareVersions } from './semver';

/**
 * The version that repairs `version` when it went below `previous` with no breaking change (a bump
 * undone, a number mistyped): `previous` itself when nothing else changed, else its next minor
 * version. Undefined when the version is not lower, or no semver orders the two.
 */
export function repairedLoweredVersion(previous: string, version: string, hasChanges: boolean): string | undefined {
  const order = compareVersions(version, previous);
  if (order === undefined || order >= 0) return undefined;
  return hasChanges ? bumpMinor(previous) : previous;
}
