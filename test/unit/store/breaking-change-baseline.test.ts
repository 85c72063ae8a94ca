import { beforeEach, describe, expect, it } from 'vitest';
import { findingsOf } from '../../../renderer/governance/mesh-findings';
import { selectIsDirty, useDocumentStore } from '../../../renderer/store/document-store';
import type { Mesh } from '../../../shared/model';
import { aContract, aMesh } from '../../builders/mesh-builder';
import { documentNow, openDocument } from './store-fixture';

const FILE = { name: 'shop.mesh.json', path: '/designs/shop.mesh.json' };
const store = () => useDocumentStore.getState();

/** Replaces the `orders` contract: its key renamed (a breaking change), at `version`. */
const withOrdersKeyRenamed = (version: string) => (mesh: Mesh) => ({
  ...mesh,
  contracts: [
    aContract('orders', {
      version,
      schema: [
        {
          name: 'orders',
          properties: [{ name: 'order_id', logicalType: 'string', required: true, unique: true, primaryKey: true }],
        },
      ],
    }),
  ],
});

function save(): void {
  store().markSaved(store().documentKey, FILE, documentNow());
}

const breakingChangeFindings = () =>
  findingsOf(store().mesh, store().baseline).all.filter((finding) => finding.ruleId === 'breaking-changes');

describe("the document's baseline for breaking changes", () => {
  beforeEach(() => openDocument(aMesh().withContract('orders').build()));

  it('is the document as opened', () => {
    expect(store().baseline).toBe(documentNow());
  });

  it('keeps a breaking change under the same version reported after saving, though the document is saved', () => {
    store().change(withOrdersKeyRenamed('1.0.0'));
    expect(breakingChangeFindings()).toHaveLength(1);
    save();
    expect(selectIsDirty(store())).toBe(false);
    expect(breakingChangeFindings()).toHaveLength(1);
  });

  it('advances once the version announces the breaking change, and saves after that judge from there', () => {
    store().change(withOrdersKeyRenamed('1.0.0'));
    save();
    store().change(withOrdersKeyRenamed('2.0.0'));
    expect(breakingChangeFindings()).toEqual([]);
    save();
    expect(store().baseline?.contracts[0]?.version).toBe('2.0.0');
    store().change((mesh) => ({ ...mesh, contracts: mesh.contracts.map((c) => ({ ...c, description: 'Orders' })) }));
    expect(breakingChangeFindings()).toEqual([]);
  });
});
