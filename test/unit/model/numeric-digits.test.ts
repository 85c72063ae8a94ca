import { describe, expect, it } from 'vitest';
import { parseMeshFile } from '../../../shared/contracts/contract-text';
import { ColumnSchema, formatProblem, serializeMesh } from '../../../shared/model';
import { aMesh, aSystem } from '../../builders/mesh-builder';

const problemsOf = (column: unknown) => {
  const parsed = ColumnSchema.safeParse(column);
  return parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
};

describe('a numeric column’s precision and scale', () => {
  it('keeps numeric(10,2) through a save and a load', () => {
    const system = aSystem('calib', 'd');
    const table = system.database.tables[0];
    if (!table) throw new Error('the builder gives a table');
    table.columns.push({ name: 'offset_c', type: 'numeric', nullable: false, precision: 10, scale: 2 });
    const text = serializeMesh(aMesh().withDomain('d').withSystem('calib', 'd', system).build());
    const parsed = parseMeshFile(text);
    if (!parsed.ok) throw new Error(parsed.errors.map(formatProblem).join('\n'));
    expect(parsed.value.systems[0]?.database.tables[0]?.columns.at(-1)).toEqual({
      name: 'offset_c',
      type: 'numeric',
      nullable: false,
      precision: 10,
      scale: 2,
    });
    expect(serializeMesh(parsed.value)).toBe(text);
  });

  it('takes a precision alone, as numeric(10) is numeric(10,0)', () => {
    expect(problemsOf({ name: 'n', type: 'numeric', nullable: true, precision: 10 })).toEqual([]);
  });

  it('refuses a precision or scale on a column of another type, at that field', () => {
    expect(problemsOf({ name: 'n', type: 'real', nullable: true, precision: 10, scale: 2 })).toEqual([
      { path: ['precision'], message: 'only a numeric column has a precision; this one is real' },
      { path: ['scale'], message: 'only a numeric column has a scale; this one is real' },
    ]);
  });

  it('refuses a scale above the precision', () => {
    expect(problemsOf({ name: 'n', type: 'numeric', nullable: true, precision: 3, scale: 5 })).toEqual([
      {
        path: ['scale'],
        message: 'scale (5) is above precision (3): a numeric keeps at most as many decimals as digits',
      },
    ]);
  });

  it('refuses a scale without a precision, saying what to write in the file rather than a numeric(10,2) type it refuses', () => {
    expect(problemsOf({ name: 'n', type: 'numeric', nullable: true, scale: 2 })).toEqual([
      {
        path: ['scale'],
        message:
          'a scale needs a precision, the digits in all: in the .mesh.json file "precision": 10, "scale": 2 beside "type": "numeric" declares numeric(10,2)',
      },
    ]);
    expect(problemsOf({ name: 'n', type: 'numeric', nullable: true, scale: 12 })).toEqual([
      {
        path: ['scale'],
        message:
          'a scale needs a precision, the digits in all: in the .mesh.json file "precision": 12, "scale": 12 beside "type": "numeric" declares numeric(12,12)',
      },
    ]);
  });

  it('refuses a precision PostgreSQL cannot declare (1 to 1000 digits)', () => {
    expect(problemsOf({ name: 'n', type: 'numeric', nullable: true, precision: 0 })).toHaveLength(1);
    expect(problemsOf({ name: 'n', type: 'numeric', nullable: true, precision: 1001 })).toHaveLength(1);
    expect(problemsOf({ name: 'n', type: 'numeric', nullable: true, precision: 1000, scale: 1000 })).toEqual([]);
  });
});
