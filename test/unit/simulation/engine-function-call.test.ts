import { describe, expect, it } from 'vitest';
import { engineFunctionRefusal } from '../../../shared/simulation/engine-function-call';
import { sqlTokens } from '../../../shared/simulation/sql-tokens';

const refusal = (sql: string) => engineFunctionRefusal(sqlTokens(sql));

describe('a call to one of the engine’s functions in a user’s SQL', () => {
  it('is refused as SQLite refuses a function it lacks', () => {
    expect(refusal('SELECT Mesh_Now() AS at')).toBe('no such function: Mesh_Now');
    expect(refusal("UPDATE items SET status = mesh_time_value('now')")).toBe('no such function: mesh_time_value');
  });

  it('is no table or common table expression the user named so', () => {
    expect(refusal('INSERT INTO mesh_nodes (id, name) VALUES (1, 2)')).toBeUndefined();
    expect(refusal('REPLACE INTO "mesh_nodes" (id) VALUES (1)')).toBeUndefined();
    expect(refusal('WITH mesh_totals(n) AS (SELECT 1) SELECT n FROM mesh_totals')).toBeUndefined();
    expect(refusal('SELECT id FROM mesh_nodes')).toBeUndefined();
  });
});
