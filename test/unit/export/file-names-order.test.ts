import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMeshFile } from '../../../shared/contracts';
import { EXPORT_TARGETS, WHOLE_MESH } from '../../../shared/export';
import { exportBundle } from '../../../shared/export/export-bundle';
import type { Mesh } from '../../../shared/model';

const opened = parseMeshFile(
  readFileSync(new URL('../../fixtures/export/ecommerce/input.mesh.json', import.meta.url), 'utf8'),
);
if (!opened.ok) throw new Error('the sample does not open');
/** Products `orders` ("orders") and `customers` ("Orders!"), whose names slug alike. */
const clashing: Mesh = {
  ...opened.value,
  products: opened.value.products.map((product) =>
    product.id === 'customers' ? { ...product, name: 'Orders!' } : product,
  ),
};
const reordered: Mesh = { ...clashing, products: [...clashing.products].reverse() };

function exported(mesh: Mesh) {
  const result = exportBundle(mesh, EXPORT_TARGETS, WHOLE_MESH);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return { aboutByPath: new Map(result.value.map((file) => [file.path, file.about])), warnings: result.warnings ?? [] };
}

describe('file names of products whose names slug alike', () => {
  it('gives each product the same files whatever their order in the design', () => {
    const [first, second] = [exported(clashing), exported(reordered)];
    const productFiles = (aboutByPath: Map<string, string>) =>
      [...aboutByPath].filter(([path]) => /^(odps|sql|mermaid\/architecture)\//.test(path)).sort();
    expect(productFiles(second.aboutByPath)).toEqual(productFiles(first.aboutByPath));
  });

  it('names the files of every clashing product after its id', () => {
    const { aboutByPath } = exported(clashing);
    expect(aboutByPath.get('odps/orders.odps.yaml')).toBe('data product orders');
    expect(aboutByPath.get('odps/customers.odps.yaml')).toBe('data product Orders!');
    expect(aboutByPath.get('mermaid/architecture/customers.mmd')).toBe('architecture of data product Orders!');
    expect([...aboutByPath.keys()].filter((path) => path.includes('orders-2'))).toEqual([]);
  });

  it('warns of the clash, naming the products and the files they got', () => {
    const { warnings } = exported(reordered);
    expect(warnings.map((warning) => warning.message)).toContain(
      "ODPS data products: 'Orders!' (id customers) and 'orders' (id orders) make the same file name 'orders': each file is named after its id instead: odps/customers.odps.yaml, odps/orders.odps.yaml",
    );
  });

  it('names the SQL files the export writes, not migrations it writes only with a baseline', () => {
    const { aboutByPath, warnings } = exported(reordered);
    const sqlWarning = warnings.find((warning) => warning.message.startsWith('PostgreSQL DDL and migrations:'));
    expect(aboutByPath.has('sql/customers.changes.sql')).toBe(false);
    expect(sqlWarning?.message).toBe(
      "PostgreSQL DDL and migrations: 'Orders!' (id customers) and 'orders' (id orders) make the same file name 'orders': each file is named after its id instead: sql/customers.sql, sql/orders.sql",
    );
    expect(sqlWarning?.path).toBe('sql/customers.sql');
  });
});
