import { describe, expect, it } from 'vitest';
import { quarantinedRecordKey } from '../../../shared/simulation/quarantined-record';

describe('a quarantined record told by its key', () => {
  it('says only the key’s values, in the key’s order', () => {
    expect(quarantinedRecordKey('{"crusher":"XX7","run_id":12,"site":"A"}', ['site', 'run_id'])).toBe('A · 12');
    expect(quarantinedRecordKey('{"run_id":null}', ['run_id'])).toBe('null');
  });

  it('tells nothing of a record without its key, text that is no record, or a port without a key', () => {
    expect(quarantinedRecordKey('{"crusher":"XX7"}', ['run_id'])).toBeUndefined();
    expect(quarantinedRecordKey('not json', ['run_id'])).toBeUndefined();
    expect(quarantinedRecordKey('{"run_id":12}', [])).toBeUndefined();
  });
});
