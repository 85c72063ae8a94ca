import { describe, expect, it } from 'vitest';
import { beforeFirstExcept } from '../../../shared/simulation/query-shape';

describe('the rows an EXCEPT takes from', () => {
  it('are the query before its first EXCEPT, WITH clause and UNIONs included', () => {
    expect(
      beforeFirstExcept(
        'WITH w AS (SELECT id FROM web) SELECT id FROM w UNION SELECT id FROM store EXCEPT SELECT id FROM refunds',
      ),
    ).toBe('WITH w AS (SELECT id FROM web) SELECT id FROM w UNION SELECT id FROM store ');
  });

  it('are not cut at an EXCEPT inside a subquery, and there are none without an EXCEPT', () => {
    expect(beforeFirstExcept('SELECT id FROM (SELECT id FROM web EXCEPT SELECT id FROM refunds) kept')).toBeUndefined();
    expect(beforeFirstExcept("SELECT 'EXCEPT' AS word FROM web")).toBeUndefined();
  });
});
