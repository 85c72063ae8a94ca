import { describe, expect, it } from 'vitest';
import { quarantinedRecordKey } from '../../../shared/simulation/quarantined-record';

describe('a quarantined record told by its key', () => {
  it('says only the key’s values, in the key’s order', () => {
    expect(quarantinedRecordKey('{"crusher":"XX7","run_id":12,"site":"A"}', ['site', 'run_id'])).toBe('A · 12');
    expect(quarantinedRecordKey('{"run_id":null}', ['run_id'])).toBe('null');
  });

  it('says an integer key past 2^53 with the digits the quarantine stored, not rounded to a double', () => {
    // Hand-checked: doubles here are 256 apart; the nearest to 1772488919123456700 is …456768, printed …456800.
    expect(quarantinedRecordKey('{"site":"A","run_ns":1772488919123456700}', ['site', 'run_ns'])).toBe(
      'A · 1772488919123456700',
    );
  });

  it('tells nothing of a record without its key, text that is no record, or a port without a key', () => {
    expect(quarantinedRecordKey('{"crusher":"XX7"}', ['run_id'])).toBeUndefined();
    expect(quarantinedRecordKey('not json', ['run_id'])).toBeUndefined();
    expect(quarantinedRecordKey('{"run_id":12}', [])).toBeUndefined();
  });
});
