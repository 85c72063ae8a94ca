import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../../scripts/electron-binary';

describe('finding the Electron binary', () => {
  const created: string[] = [];
  const packageDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'electron-pkg-'));
    created.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('reports none when the package never downloaded its binary', () => {
    expect(findElectronBinary(packageDir(), {})).toBeNull();
  });

  it('reports none when path.txt names a binary that is not there', () => {
    const dir = packageDir();
    writeFileSync(join(dir, 'path.txt'), 'electron');
    expect(findElectronBinary(dir, {})).toBeNull();
  });

  it('finds the binary named by path.txt under dist/', () => {
    const dir = packageDir();
    writeFileSync(join(dir, 'path.txt'), 'electron');
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist/electron'), '');
    expect(findElectronBinary(dir, {})).toBe(join(dir, 'dist/electron'));
  });
});
