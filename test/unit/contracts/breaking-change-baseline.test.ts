import { describe, expect, it } from 'vitest';
import {
  baselineAfterContractSave,
  baselineAfterSave,
  baselineWithContract,
} from '../../../shared/contracts/breaking-change-baseline';
import type { ContractModel } from '../../../shared/model';
import { validateMesh } from '../../../shared/validation/validate-mesh';
import { aMesh } from '../../builders/mesh-builder';

/** The `orders` contract at `version`, its key renamed from `id` to `order_id` when `isKeyRenamed` (a breaking change). */
function withOrders(version: string, { isKeyRenamed = false, extra = {} as Partial<ContractModel> } = {}) {
  const key = isKeyRenamed ? 'order_id' : 'id';
  return aMesh()
    .withDomain('sales')
    .withProduct('shop', 'sales')
    .withContract('orders', {
      version,
      schema: [
        {
          name: 'orders',
          properties: [{ name: key, logicalType: 'string', required: true, unique: true, primaryKey: true }],
        },
      ],
      ...extra,
    })
    .build();
}

const breakingChanges = (mesh: ReturnType<typeof withOrders>, baseline: ReturnType<typeof withOrders>) =>
  validateMesh(mesh, { ruleIds: ['breaking-changes'], baseline });

describe('the baseline breaking changes are judged against after a save', () => {
  it('is the saved design when there was none before (a recovered document)', () => {
    const saved = withOrders('1.0.0');
    expect(baselineAfterSave(null, saved)).toBe(saved);
  });

  it('keeps the earlier contract where the save holds a breaking change under the same version, so it stays reported', () => {
    const opened = withOrders('1.0.0');
    const saved = withOrders('1.0.0', { isKeyRenamed: true });
    const baseline = baselineAfterSave(opened, saved);
    expect(baseline.contracts).toEqual(opened.contracts);
    expect(breakingChanges(saved, baseline)).toHaveLength(1);
  });

  it('takes everything but the held contract from the saved design', () => {
    const opened = withOrders('1.0.0');
    const saved = { ...withOrders('1.0.0', { isKeyRenamed: true }), name: 'Renamed' };
    const baseline = baselineAfterSave(opened, saved);
    expect({ ...baseline, contracts: [] }).toEqual({ ...saved, contracts: [] });
  });

  it('advances to the saved contract once its version announces the breaking change', () => {
    const opened = withOrders('1.0.0');
    const brokenAndSaved = baselineAfterSave(opened, withOrders('1.0.0', { isKeyRenamed: true }));
    const released = withOrders('2.0.0', { isKeyRenamed: true });
    const baseline = baselineAfterSave(brokenAndSaved, released);
    expect(baseline.contracts).toEqual(released.contracts);
    expect(breakingChanges(released, baseline)).toEqual([]);
  });

  it('advances on a compatible change under the same version', () => {
    const saved = withOrders('1.0.0', { extra: { description: 'What was ordered' } });
    expect(baselineAfterSave(withOrders('1.0.0'), saved).contracts).toEqual(saved.contracts);
  });

  it('advances where versions that are no semantic versions cannot tell: the rule only warns there, and asks for no number', () => {
    const saved = withOrders('2024-01', { isKeyRenamed: true });
    expect(baselineAfterSave(withOrders('2024-01'), saved).contracts).toEqual(saved.contracts);
  });
});

describe('the baseline of a contract opened from its own file', () => {
  const contractOf = (mesh: ReturnType<typeof withOrders>) => mesh.contracts[0]!;

  it('is the file’s contract, which a design without a baseline (a recovered document) gets alone', () => {
    const fromFile = contractOf(withOrders('1.0.0'));
    const baseline = baselineWithContract(null, fromFile);
    expect(baseline.contracts).toEqual([fromFile]);
    expect(baseline.products).toEqual([]);
    expect(breakingChanges(withOrders('1.0.0', { isKeyRenamed: true }), baseline)).toHaveLength(1);
  });

  it('replaces what the baseline held under its id, and keeps the rest', () => {
    const design = withOrders('1.0.0');
    const fromFile = contractOf(withOrders('3.0.0'));
    const baseline = baselineWithContract(design, fromFile);
    expect(baseline.contracts).toEqual([fromFile]);
    expect({ ...baseline, contracts: [] }).toEqual({ ...design, contracts: [] });
  });

  it('advances on a save to the file as a save of the design would, holding a breaking change under the same version', () => {
    const opened = withOrders('1.0.0');
    const broken = contractOf(withOrders('1.0.0', { isKeyRenamed: true }));
    expect(baselineAfterContractSave(opened, broken).contracts).toEqual(opened.contracts);
    const released = contractOf(withOrders('2.0.0', { isKeyRenamed: true }));
    expect(baselineAfterContractSave(opened, released).contracts).toEqual([released]);
  });
});
