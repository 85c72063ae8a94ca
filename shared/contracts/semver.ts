/** The parts of a semantic version (semver.org 2.0.0); build metadata is ignored. */
export interface Semver {
  major: number;
  minor: number;
  patch: number;
  prerelease: string[];
}

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function parseSemver(version: string): Semver | undefined {
  const match = SEMVER.exec(version.trim());
  if (!match) return undefined;
  const [, major, minor, patch, prerelease] = match;
  return {
    major: Number(major),
    minor: Number(minor),
    patch: Number(patch),
    prerelease: prerelease ? prerelease.split('.') : [],
  };
}

/**
 * Negative when `a` comes before `b`, by semver precedence: 1.0.0-alpha < 1.0.0-alpha.1
 * < 1.0.0-beta < 1.0.0 < 1.0.1. Versions that do not parse sort before all others.
 */
export function compareSemver(a: string, b: string): number {
  const left = parseSemver(a);
  const right = parseSemver(b);
  if (!left || !right) return Number(Boolean(left)) - Number(Boolean(right));
  return (
    left.major - right.major ||
    left.minor - right.minor ||
    left.patch - right.patch ||
    comparePrerelease(left.prerelease, right.prerelease)
  );
}

/**
 * The major version, also of a version written short (`2.0`, `v2`, `2`), which contracts
 * often carry: ODCS does not require semver. Undefined when the version names none.
 */
function majorVersion(version: string): number | undefined {
  const parsed = parseSemver(version);
  if (parsed) return parsed.major;
  const leading = /^v?(\d+)(?:\.|$)/i.exec(version.trim())?.[1];
  return leading === undefined ? undefined : Number(leading);
}

/**
 * Whether version `to` may break what `from` promised: a higher major version, or a later
 * version of the same major when `from` is a pre-release of it (`2.0.0-rc1` → `2.0.0`), which
 * semver lets change in any way.
 */
export function allowsBreakingChanges(from: string, to: string): boolean {
  const fromMajor = majorVersion(from) ?? 0;
  const toMajor = majorVersion(to) ?? 0;
  if (toMajor > fromMajor) return true;
  const isPrerelease = (parseSemver(from)?.prerelease.length ?? 0) > 0;
  return isPrerelease && toMajor === fromMajor && compareSemver(to, from) > 0;
}

/** The next major version: `1.4.2` → `2.0.0`, `2.0.0-rc.1` → `3.0.0`, `v2` → `3.0.0`. */
export function bumpMajor(version: string): string {
  const major = majorVersion(version);
  return major === undefined ? '1.0.0' : `${major + 1}.0.0`;
}

function comparePrerelease(a: readonly string[], b: readonly string[]): number {
  // A release outranks its pre-releases.
  if (a.length === 0 || b.length === 0) return b.length - a.length;
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    const order = compareIdentifier(a[index] ?? '', b[index] ?? '');
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

function compareIdentifier(a: string, b: string): number {
  const isNumeric = (identifier: string) => /^\d+$/.test(identifier);
  if (isNumeric(a) && isNumeric(b)) return Number(a) - Number(b);
  if (isNumeric(a) !== isNumeric(b)) return isNumeric(a) ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The next minor version: `1.4.2` → `1.5.0`. */
export function bumpMinor(version: string): string {
  const parsed = parseSemver(version);
  return parsed ? `${parsed.major}.${parsed.minor + 1}.0` : '1.0.0';
}
