import { describe, expect, it } from 'vitest';
import { type SqlValue, sqlJsWorkspace } from '../../../shared/simulation';
import { seededRandom } from '../../../shared/simulation/seeded-random';
import { isoTimestampSql } from '../../../shared/simulation/sql-text';
import { loadSqlJs } from './builders';

describe('the ISO-8601 text of a millisecond epoch', () => {
  it("is the text strftime('%Y-%m-%dT%H:%M:%fZ') writes, before year 0 and after 9999 too", async () => {
    const connection = sqlJsWorkspace(await loadSqlJs(), 0)().connect();
    const texts = connection.prepare(
      `SELECT ${isoTimestampSql('?1')}, strftime('%Y-%m-%dT%H:%M:%fZ', (?1) / 1000.0, 'unixepoch')`,
    );
    const random = seededRandom(3, 'millis');
    const millis: SqlValue[] = [
      0,
      1767604800123,
      1767604859999,
      1767604800000.5,
      -1,
      -62167219200000,
      -62167219200001,
      -62198755200000,
      253402300799999,
      253402300800000,
      null,
      'text',
      ...Array.from({ length: 2000 }, () => Math.round((random.next() - 0.2) * 3e14)),
    ];

    for (const value of millis) {
      const [text, written] = texts.all([value])[0] as [SqlValue, SqlValue];
      expect([value, text]).toEqual([value, written]);
    }
    expect(texts.all([1767604800123])[0]?.[0]).toBe('2026-01-05T09:20:00.123Z');
  });
});
