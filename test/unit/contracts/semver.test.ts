import { describe, expect, it } from 'vitest';
import {
  allowsBreakingChanges,
  compareSemver,
  compareVersions,
  nextBreakingVersion,
  parseSemver,
  readVersion,
  type Semver,
} from '../../../shared/contracts/semver';

const allows = (from: string, to: string) =>
  allowsBreakingChanges(readVersion(from) as Semver, readVersion(to) as Semver);

describe('semantic versions', () => {
  it('parses major, minor, patch and pre-release', () => {
    expect(parseSemver('1.12.3-rc.1+build.5')).toEqual({ major: 1, minor: 12, patch: 3, prerelease: ['rc', '1'] });
    expect(parseSemver('1.2')).toBeUndefined();
    expect(parseSemver('01.2.3')).toBeUndefined();
  });

  it('orders versions by semver precedence', () => {
    const ascending = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0',
      '1.0.1',
      '1.10.0',
      '2.0.0',
    ];
    const shuffled = [...ascending].reverse();
    expect(shuffled.sort(compareSemver)).toEqual(ascending);
    expect(compareSemver('1.0.0', '1.0.0+build')).toBe(0);
  });

  it('gives the next major version as the first that may break, and resets the rest', () => {
    expect(nextBreakingVersion('1.4.2')).toBe('2.0.0');
    expect(nextBreakingVersion('2.0.0-rc.1')).toBe('3.0.0');
  });

  it('takes a new minor version for the breaking step while the major version is 0, as Cargo and npm do', () => {
    expect(nextBreakingVersion('0.9.0')).toBe('0.10.0');
    expect(nextBreakingVersion('0.3.2')).toBe('0.4.0');
    expect(allows('0.9.0', '0.10.0')).toBe(true);
    expect(allows('0.9.0', '1.0.0')).toBe(true);
    expect(allows('0.9.0', '0.9.1')).toBe(false);
    expect(allows('1.9.0', '1.10.0')).toBe(false);
  });

  it('takes a new patch version for the breaking step while the version is 0.0.x, as Cargo and npm do', () => {
    expect(nextBreakingVersion('0.0.3')).toBe('0.0.4');
    expect(allows('0.0.3', '0.0.4')).toBe(true);
    expect(allows('0.0.3', '0.1.0')).toBe(true);
    expect(allows('0.0.3', '0.0.3')).toBe(false);
    expect(allows('0.0.3', '0.0.3-rc.1')).toBe(false);
  });

  it('reads versions written with a v or short, and nothing else, as versions', () => {
    expect(readVersion('v2')).toEqual({ major: 2, minor: 0, patch: 0, prerelease: [] });
    expect(readVersion('1.0')).toEqual({ major: 1, minor: 0, patch: 0, prerelease: [] });
    expect(readVersion('v1.2.3-rc.1')).toEqual({ major: 1, minor: 2, patch: 3, prerelease: ['rc', '1'] });
    for (const version of ['2024-01', '2024-01-15', 'latest', 'v', '']) expect(readVersion(version)).toBeUndefined();
    expect(compareVersions('1.1', '1.0')).toBeGreaterThan(0);
    expect(compareVersions('v2', '2.0.0')).toBe(0);
    expect(compareVersions('2024-02', '2024-01')).toBeUndefined();
    expect(nextBreakingVersion('2024-01')).toBeUndefined();
  });
});
