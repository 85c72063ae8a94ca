import { describe, expect, it } from 'vitest';
import { primaryKeyOf } from '../../../shared/contracts/primary-key';
import { contractKey } from '../../../shared/simulation/dataset';
import { anObject, aProperty } from './builders';

const keyed = (name: string, primaryKeyPosition?: number) =>
  aProperty(name, 'string', {
    required: true,
    primaryKey: true,
    ...(primaryKeyPosition !== undefined && { primaryKeyPosition }),
  });

describe('primary key order', () => {
  const properties = [keyed('kind'), keyed('line_no', 2), keyed('site', -1), keyed('work_order_id', 1)];

  it('puts the parts with a position first, by position, then those without one (ODCS default -1) as declared', () => {
    expect(primaryKeyOf(anObject('work_order', properties))).toEqual(['work_order_id', 'line_no', 'kind', 'site']);
  });

  it("gives the simulation's key the same order", () => {
    expect(contractKey('entity', properties)).toEqual(['work_order_id', 'line_no', 'kind', 'site']);
  });
});
