import { describe, expect, it } from 'vitest';
import { readableContractId } from '../../../shared/contracts/readable-contract-id';

describe('readableContractId', () => {
  it('reads the id of a text with a duplicate key or a tab where YAML allows none', () => {
    expect(readableContractId('id: vitals\nstatus: active\nstatus: draft\n')).toBe('vitals');
    expect(readableContractId('id: vitals\nschema:\n  - name: a\n\tproperties: []\n')).toBe('vitals');
  });

  it('reads no id that is missing, not at the top level, or not a valid id', () => {
    expect(readableContractId('name: Vitals\n')).toBeUndefined();
    expect(readableContractId('- id: vitals\n')).toBeUndefined();
    expect(readableContractId('id: "vi\\u0085tals"\n')).toBeUndefined();
    expect(readableContractId('id: [\n')).toBeUndefined();
  });
});
