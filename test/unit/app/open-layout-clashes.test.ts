import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { openMeshText } from '../../../renderer/app/file-commands';
import { selectIsDirty, useDocumentStore } from '../../../renderer/store/document-store';
import { useNoticeStore } from '../../../renderer/store/notice-store';

const sample = readFileSync(new URL('../../../assets/samples/ecommerce.mesh.json', import.meta.url), 'utf8');
/** Hand-placed domains, Plots and Members drawn over each other; no product or system placed. */
const overlapping = readFileSync(
  new URL('../../fixtures/mesh/overlapping-domains-unplaced.mesh.json', import.meta.url),
  'utf8',
);
const file = { name: 'merged.mesh.json', path: '/home/ada/merged.mesh.json' };
const notice = () => useNoticeStore.getState().notice;

/** The sample as a bad git merge leaves it: two domains on one spot, a product far out of its domain. */
function mergedBadly(): string {
  const mesh = JSON.parse(sample);
  mesh.layout.nodes['customers-domain'] = { ...mesh.layout.nodes['customers-domain'], x: 10, y: 10 };
  mesh.layout.nodes.shipments = { x: 5000, y: 3000 };
  return JSON.stringify(mesh);
}

beforeEach(() => {
  useDocumentStore.getState().close();
  useNoticeStore.getState().dismiss();
});

describe('opening a design whose layout is a pile', () => {
  it('says which domains overlap and which node sits outside its domain, and offers Auto-layout', () => {
    expect(openMeshText(mergedBadly(), file, file.name)).toBe(true);

    expect(notice()?.text).toBe(
      "Opened merged.mesh.json: domains 'Orders' and 'Customers' overlap; 'shipments' sits outside its domain 'Shipping'",
    );
    expect(notice()?.details).toEqual([
      "Domain 'Customers' overlaps 'Orders' on the canvas.",
      "Data product 'shipments' sits outside its domain 'Shipping': at 5000, 3000 in a box of 860 × 300.",
    ]);
    expect(notice()?.actions?.map((action) => action.label)).toEqual(['Auto-layout']);
  });

  it('names the cards drawn over each other in a domain, and offers Auto-layout', () => {
    const mesh = JSON.parse(sample);
    const onTheShop = mesh.layout.nodes['orders-service'];
    mesh.layout.nodes.orders = { x: onTheShop.x, y: onTheShop.y + 60 };
    openMeshText(JSON.stringify(mesh), file, file.name);

    expect(notice()?.text).toMatch(/^Opened merged\.mesh\.json: '.+' and '.+' overlap$/);
    expect(notice()?.details).toEqual([expect.stringMatching(/ overlaps system '.+' in domain '.+' on the canvas\.$/)]);
    expect(notice()?.actions?.map((action) => action.label)).toEqual(['Auto-layout']);
  });

  it('keeps domains the file draws over each other where they are and names them, with those moved aside for a grown one (QA: Members moved unasked)', () => {
    openMeshText(overlapping, { name: 'garden.mesh.json', path: '/home/ada/garden.mesh.json' }, 'garden.mesh.json');

    expect(notice()?.text).toBe(
      "Opened garden.mesh.json: 9 elements without a position in the file placed on a grid; domain 'Resources' moved aside to make room for them; domains 'Plots' and 'Members' overlap",
    );
    expect(notice()?.actions?.map((action) => action.label)).toEqual(['Auto-layout']);
    expect(useDocumentStore.getState().mesh?.layout.nodes.members).toMatchObject({ x: 100, y: 100 });
  });

  it('opens the design as the file holds it, unchanged until Auto-layout is chosen', () => {
    openMeshText(mergedBadly(), file, file.name);

    expect(selectIsDirty(useDocumentStore.getState())).toBe(false);
    expect(useDocumentStore.getState().past).toEqual([]);
    expect(useDocumentStore.getState().mesh?.layout.nodes.shipments).toEqual({ x: 5000, y: 3000 });
  });

  it('says only that it opened a design laid out as the app lays it out', () => {
    openMeshText(sample, file, file.name);
    expect(notice()?.text).toBe('Opened merged.mesh.json');
  });
});
