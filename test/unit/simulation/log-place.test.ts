import { describe, expect, it } from 'vitest';
import { logPlace } from '../../../renderer/simulation/message-card';

describe('where a message card says a change is in its database’s log', () => {
  it('gives PostgreSQL’s transaction and LSN, MySQL’s binlog position, Oracle’s SCN, SQL Server’s and Db2’s LSN, MongoDB’s order in the oplog, and else the sequence', () => {
    expect(logPlace({ connector: 'postgresql', sequence: '4', txId: 3, lsn: 1234, xmin: null })).toBe(
      'txId 3 · lsn 1234',
    );
    expect(logPlace({ connector: 'mysql', sequence: '4', file: 'mysql-bin.000001', pos: 88, row: 0 })).toBe(
      'mysql-bin.000001:88',
    );
    expect(logPlace({ connector: 'oracle', sequence: '4', txId: '3', scn: '162', commit_scn: '170' })).toBe('scn 162');
    expect(
      logPlace({ connector: 'sqlserver', change_lsn: '00000000:000000a2:0000', commit_lsn: '00000000:000000aa:0000' }),
    ).toBe('lsn 00000000:000000a2:0000');
    expect(logPlace({ connector: 'db2', change_lsn: null, commit_lsn: '00000000:00000000:0000000000000008' })).toBe(
      'lsn 00000000:00000000:0000000000000008',
    );
    expect(logPlace({ connector: 'mongodb', sequence: null, collection: 'items', ord: 19, wallTime: 1 })).toBe(
      'ord 19',
    );
    expect(logPlace({ connector: 'sqlite', sequence: '4', table: 'items' })).toBe('sequence 4');
  });
});
