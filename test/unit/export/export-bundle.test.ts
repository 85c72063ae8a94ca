import { describe, expect, it } from 'vitest';
import {
  checkBundlePaths,
  EXPORT_TARGETS,
  type ExportTarget,
  exportBundle,
  INDEX_FILE,
  MAX_FILE_NAME_LENGTH,
  WHOLE_MESH,
} from '../../../shared/export';
import { exportCases, filesOf, itWritesTheGoldenFiles } from './golden-cases';

const ecommerce = exportCases().find((exportCase) => exportCase.name === 'ecommerce')!;
const pathsOf = (result: Parameters<typeof filesOf>[0]) => filesOf(result).map((file) => file.path);

describe('export bundles', () => {
  itWritesTheGoldenFiles(INDEX_FILE, ({ mesh }) =>
    filesOf(exportBundle(mesh, EXPORT_TARGETS, WHOLE_MESH)).filter((file) => file.path === INDEX_FILE),
  );

  it.each(exportCases().map((exportCase) => [exportCase.name, exportCase] as const))(
    '%s: every file of every format has a safe, unique path and is listed in index.md',
    (_, { mesh, baseline }) => {
      const files = filesOf(exportBundle(mesh, EXPORT_TARGETS, WHOLE_MESH, baseline ? { baseline } : {}));
      expect(checkBundlePaths(files.map((file) => file.path))).toEqual([]);
      for (const file of files) {
        expect(file.path.split('/').every((name) => name.length <= MAX_FILE_NAME_LENGTH)).toBe(true);
        expect(file.path).toMatch(/^[a-z0-9][a-z0-9./-]*$/);
      }
      const index = String(files.find((file) => file.path === INDEX_FILE)?.content);
      for (const file of files.slice(1)) expect(index).toContain(`[${file.path}](${file.path})`);
    },
  );

  it('exports one domain: its products, their contracts, the owners they name', () => {
    const files = pathsOf(
      exportBundle(ecommerce.mesh, EXPORT_TARGETS, { kind: 'domain', domainId: 'analytics-domain' }),
    );
    expect(files.filter((path) => path.startsWith('odps/'))).toEqual([
      'odps/customer-360.odps.yaml',
      'odps/sales-dashboard.odps.yaml',
    ]);
    expect(files.filter((path) => path.startsWith('odcs/'))).toEqual([
      'odcs/customer-profile.odcs.yaml',
      'odcs/daily-sales.odcs.yaml',
    ]);
    expect(files.some((path) => path.startsWith('strimzi/'))).toBe(false);
  });

  it('exports the selection: a system brings its topics, connector and the contracts of the events it publishes', () => {
    const result = exportBundle(ecommerce.mesh, EXPORT_TARGETS, { kind: 'selection', nodeIds: ['orders-service'] });
    expect(pathsOf(result)).toEqual([
      'index.md',
      'odcs/order-placed.odcs.yaml',
      'backstage/catalog-info.yaml',
      'strimzi/kafka-topics.yaml',
      'strimzi/kafka-connectors.yaml',
      'jsonschema/order-placed-order-placed.schema.json',
      'mermaid/data-retrieval/orders-service.mmd',
    ]);
    expect(String(filesOf(result)[0]?.content)).toContain('Exported from Data Mesh Designer: the selected element.');
  });

  it('names a domain that does not exist, and an empty selection', () => {
    expect(exportBundle(ecommerce.mesh, EXPORT_TARGETS, { kind: 'domain', domainId: 'nope' })).toEqual({
      ok: false,
      errors: [
        {
          path: 'scope',
          message: "no domain 'nope' (has: orders-domain, customers-domain, shipping-domain, analytics-domain)",
        },
      ],
    });
    const empty = exportBundle(ecommerce.mesh, EXPORT_TARGETS.slice(0, 1), { kind: 'selection', nodeIds: [] });
    expect(empty.ok ? [] : empty.errors.map((error) => error.message)).toEqual(['nothing is selected']);
  });

  it('is all or nothing: one failing format gives every problem and no files', () => {
    const failing: ExportTarget = {
      id: 'broken',
      label: 'Broken format',
      readBy: 'nobody',
      files: () => ({
        ok: false,
        errors: [{ path: 'products[1]', message: "data product 'customers': cannot be written" }],
      }),
    };
    expect(exportBundle(ecommerce.mesh, [...EXPORT_TARGETS, failing], WHOLE_MESH)).toEqual({
      ok: false,
      errors: [{ path: 'products[1]', message: "Broken format: data product 'customers': cannot be written" }],
    });
  });
});
