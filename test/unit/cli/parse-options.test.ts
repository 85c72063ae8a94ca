import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../../cli/parse-options';

const spec = { values: ['out', 'format'], flags: ['json', 'force'] };

describe('the command line options', () => {
  it('reads flags, valued options and file names', () => {
    expect(parseOptions(['a.mesh.json', '--json', '--out', 'out', '--format=sql'], spec)).toEqual({
      ok: true,
      positional: ['a.mesh.json'],
      values: { out: 'out', format: 'sql' },
      flags: { json: true },
    });
  });

  it('refuses a valued option given twice', () => {
    expect(parseOptions(['--format', 'odcs', '--format=sql'], spec)).toMatchObject({
      ok: false,
      error: "--format given twice ('odcs' and 'sql'); give it once",
    });
  });

  it('refuses a flag given twice, as it refuses a valued option given twice', () => {
    expect(parseOptions(['x.mesh.json', '--json', '--json'], spec)).toMatchObject({
      ok: false,
      error: '--json given twice; give it once',
    });
    expect(parseOptions(['--force', 'x', '-force'], spec)).toMatchObject({
      ok: false,
      error: '--force given twice; give it once',
    });
  });
});
