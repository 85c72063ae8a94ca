import { describe, expect, it } from 'vitest';
import { formatProblemInFile, WHOLE_FILE } from '../../../cli/problem-line';
import { DOCUMENT_PATH } from '../../../shared/model';

describe('a problem line of the command line', () => {
  it('places a problem at its line and column as compilers and CI problem matchers write it', () => {
    expect(
      formatProblemInFile('c.odcs.yaml', { path: 'schema[0].name', message: 'must be a string', line: 12, column: 7 }),
    ).toBe('c.odcs.yaml:12:7: schema[0].name: must be a string');
  });

  it('leaves out a path naming the whole document where a line and column say more', () => {
    expect(formatProblemInFile('c.odcs.yaml', { path: DOCUMENT_PATH, message: 'not YAML', line: 3, column: 1 })).toBe(
      'c.odcs.yaml:3:1: not YAML',
    );
  });

  it('places a note on the file as a whole at its line where it has one, as an import note on a line not read', () => {
    expect(
      formatProblemInFile('bad.mmd', { path: WHOLE_FILE, message: 'not read: A ~~ B : x', line: 5, column: 1 }),
    ).toBe('bad.mmd:5:1: not read: A ~~ B : x');
  });

  it('names the file alone for a problem with no place in its text, with a label before the path', () => {
    expect(formatProblemInFile('s.mesh.json', { path: 'products[0].kind', message: 'unknown' }, 'warning: ')).toBe(
      's.mesh.json: warning: products[0].kind: unknown',
    );
    expect(formatProblemInFile('s.mesh.json', { path: WHOLE_FILE, message: 'cannot read: no such file' })).toBe(
      's.mesh.json: cannot read: no such file',
    );
  });
});
