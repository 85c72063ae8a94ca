import { describe, expect, it } from 'vitest';
import { logPlace } from '../../../renderer/simulation/message-card';

describe('where a message card says a change is in its database’s log', () => {
  it('gives PostgreSQL’s transaction and LSN, MySQL’s binlog position, and else the sequence', () => {
    expect(logPlace({ connector: 'postgresql', sequence: '4', txId: 3, lsn: 1234, xmin: null })).toBe(
      'txId 3 · lsn 1234',
    );
    expect(logPlace({ connector: 'mysql', sequence: '4', file: 'mysql-bin.000001', pos: 88, row: 0 })).toBe(
      'mysql-bin.000001:88',
    );
    expect(logPlace({ connector: 'sqlserver', sequence: '4' })).toBe('sequence 4');
  });
});
