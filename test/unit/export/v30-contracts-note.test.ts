import { describe, expect, it } from 'vitest';
import { v30ContractsNote, WHOLE_MESH } from '../../../shared/export';
import { aMesh } from '../../builders/mesh-builder';

describe('the note export gives of contracts written in ODCS v3.0.x', () => {
  it('names them, says which schema they are valid against, and points to the app’s upgrade', () => {
    const mesh = aMesh()
      .withContract('group-loan', { name: 'GroupLoan', apiVersion: 'v3.0.2' })
      .withContract('orders', { name: 'Orders', apiVersion: 'v3.1.0' })
      .build();
    expect(v30ContractsNote(mesh, WHOLE_MESH)).toEqual([
      "1 contract written as ODCS v3.0.x, as read ('GroupLoan'): valid against v3.0.2's schema, not v3.1.0's; the app's contract editor upgrades one to v3.2.0 (Upgrade to v3.2.0)",
    ]);
  });

  it('says nothing when every contract is in a later version', () => {
    expect(v30ContractsNote(aMesh().withContract('orders', { apiVersion: 'v3.1.0' }).build(), WHOLE_MESH)).toEqual([]);
  });
});
