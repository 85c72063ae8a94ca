/** The parts of a semantic version (semver.org 2.0.0); build metadata is ignored. */
export interface Semver {
  major: number;
  minor: number;
  patch: number;
  prerelease: string[];
}

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

/** Undefined where a number is beyond `Number.MAX_SAFE_INTEGER`, as npm's semver: it would be compared rounded. */
export function parseSemver(version: string): Semver | undefined {
  const match = SEMVER.exec(version.trim());
  if (!match) return undefined;
  const [, major, minor, patch, prerelease] = match;
  return exactVersion(Number(major), Number(minor), Number(patch), prerelease ? prerelease.split('.') : []);
}

function exactVersion(major: number, minor: number, patch: number, prerelease: string[]): Semver | undefined {
  const isExact = [major, minor, patch].every(Number.isSafeInteger);
  return isExact ? { major, minor, patch, prerelease } : undefined;
}

/**
 * Negative when `a` comes before `b`, by semver precedence: 1.0.0-alpha < 1.0.0-alpha.1
 * < 1.0.0-beta < 1.0.0 < 1.0.1. Versions that do not parse sort before all others.
 */
export function compareSemver(a: string, b: string): number {
  const left = parseSemver(a);
  const right = parseSemver(b);
  if (!left || !right) return Number(Boolean(left)) - Number(Boolean(right));
  return compareParsed(left, right);
}

function compareParsed(left: Semver, right: Semver): number {
  return (
    left.major - right.major ||
    left.minor - right.minor ||
    left.patch - right.patch ||
    comparePrerelease(left.prerelease, right.prerelease)
  );
}

/**
 * A version as contracts write it, also with a `v` or short (`v2`, `2.0`): ODCS does not require
 * semver, and the missing parts read as 0. Undefined when it is no such version (`2024-01`).
 */
export function readVersion(version: string): Semver | undefined {
  const text = version.trim().replace(/^v(?=\d)/i, '');
  const parsed = parseSemver(text);
  if (parsed) return parsed;
  const short = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!short) return undefined;
  const [, major, minor = '0'] = short;
  return exactVersion(Number(major), Number(minor), 0, []);
}

/** Like `compareSemver`, for versions as `readVersion` reads them; undefined when either is no version. */
export function compareVersions(a: string, b: string): number | undefined {
  const left = readVersion(a);
  const right = readVersion(b);
  return left && right ? compareParsed(left, right) : undefined;
}

/**
 * Whether version `to` may break what `from` promised: a higher major version; while the major
 * version is 0, a higher minor one (semver 2.0.0 §4 lets 0.y.z change in any way; Cargo and
 * npm's `^0.9` take 0.10.0 for the breaking step, 0.9.1 for a compatible one), and while it is
 * 0.0, a higher patch (`^0.0.3` takes nothing but 0.0.3); or a later version of the same major
 * when `from` is a pre-release of it (`2.0.0-rc1` → `2.0.0`).
 */
export function allowsBreakingChanges(from: Semver, to: Semver): boolean {
  if (to.major > from.major) return true;
  if (from.major === 0 && to.major === 0 && to.minor > from.minor) return true;
  if (from.major === 0 && from.minor === 0 && to.major === 0 && to.minor === 0 && to.patch > from.patch) return true;
  return from.prerelease.length > 0 && to.major === from.major && compareParsed(to, from) > 0;
}

/**
 * The first version that may break what `version` promised: `1.4.2` → `2.0.0`, `2.0.0-rc.1` →
 * `3.0.0`, `v2` → `3.0.0`; while the major version is 0, the next minor one: `0.9.0` → `0.10.0`;
 * while it is 0.0, the next patch: `0.0.3` → `0.0.4`. Undefined for what is no version
 * (`2024-01`): no number follows from it.
 */
export function nextBreakingVersion(version: string): string | undefined {
  const parsed = readVersion(version);
  if (!parsed) return undefined;
  if (parsed.major > 0) return `${parsed.major + 1}.0.0`;
  return parsed.minor > 0 ? `0.${parsed.minor + 1}.0` : `0.0.${parsed.patch + 1}`;
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

/** The next minor version: `1.4.2` → `1.5.0`, `v2.1` → `2.2.0`; undefined for what is no version. */
export function bumpMinor(version: string): string | undefined {
  const parsed = readVersion(version);
  return parsed && `${parsed.major}.${parsed.minor + 1}.0`;
}
