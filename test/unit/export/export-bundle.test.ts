import { describe, expect, it } from 'vitest';
import {
  type BundleProgress,
  type BundleSteps,
  bundleTree,
  checkBundlePaths,
  EXPORT_TARGETS,
  type ExportScope,
  type ExportTarget,
  exportBundle,
  exportBundleInSteps,
  filesInTreeOrder,
  INDEX_FILE,
  MAX_FILE_NAME_LENGTH,
  type PictureFormat,
  WHOLE_MESH,
} from '../../../shared/export';
import { mermaidTarget } from '../../../shared/export/mermaid';
import { aMesh, aPort } from '../../builders/mesh-builder';
import { aProperty } from '../contracts/builders';
import { exportCases, filesOf, itWritesTheGoldenFiles } from './golden-cases';
import { aMeshWithAnOutboxEvent } from './outbox-event-mesh';
import { fanOutMesh } from './unseen-meshes';

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

  it('exports one domain: its products, their contracts, the owners they name, the Kafka users of its readers', () => {
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
    // Its products read topics of other domains: only their KafkaUsers, no topic or connector.
    expect(files.filter((path) => path.startsWith('strimzi/'))).toEqual(['strimzi/kafka-users.yaml']);
  });

  it('exports the selection: a system brings its topics, connector and the contracts of the events it publishes', () => {
    const result = exportBundle(ecommerce.mesh, EXPORT_TARGETS, { kind: 'selection', nodeIds: ['orders-service'] });
    expect(pathsOf(result)).toEqual([
      'index.md',
      'odcs/order-placed.odcs.yaml',
      'backstage/catalog-info.yaml',
      'strimzi/kafka-topics.yaml',
      'strimzi/kafka-connectors.yaml',
      'strimzi/orders-service.replica-identity.sql',
      'strimzi/kafka-users.yaml',
      'jsonschema/order-placed-order-placed.schema.json',
      'mermaid/data-retrieval/orders-service.mmd',
      'mermaid/contracts/order-placed.mmd',
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

  it('is all or nothing: one failing format gives every problem, each naming the format it stops, and no files', () => {
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
      errors: [
        {
          path: 'products[1]',
          message: "Broken format: data product 'customers': cannot be written",
          targetId: 'broken',
        },
      ],
    });
  });

  it('lists in index.md the classified fields each output port in scope serves, with their classification', () => {
    const mesh = aMesh()
      .withDomain('health')
      .withDomain('stock')
      .withContract('patients', {
        schema: [
          {
            name: 'patients',
            properties: [aProperty('nhs_number', 'string', { classification: 'restricted' }), aProperty('region')],
          },
        ],
      })
      .withContract('lots', {
        schema: [{ name: 'lots', properties: [aProperty('supplier', 'string', { classification: 'internal' })] }],
      })
      .withProduct('registry', 'health', { outputPorts: [aPort('out', 'output', { contractId: 'patients' })] })
      .withProduct('vaccines', 'stock', { outputPorts: [aPort('out', 'output', { contractId: 'lots' })] })
      .build();
    const indexOf = (scope: ExportScope) =>
      String(filesOf(exportBundle(mesh, [mermaidTarget], scope)).find((file) => file.path === INDEX_FILE)?.content);
    const wholeMesh = indexOf(WHOLE_MESH);
    expect(wholeMesh).toContain('\n## Classified fields\n');
    expect(wholeMesh).toContain(
      '| registry | out | patients | patients.nhs\\_number | restricted |\n| vaccines | out | lots | lots.supplier | internal |\n',
    );
    expect(wholeMesh).not.toContain('patients.region');
    const healthOnly = indexOf({ kind: 'domain', domainId: 'health' });
    expect(healthOnly).toContain('| registry | out | patients | patients.nhs\\_number | restricted |');
    expect(healthOnly).not.toContain('lots.supplier');
  });

  it('lists in index.md the classified fields of the events a system in scope publishes on its outbox topics', () => {
    const mesh = aMeshWithAnOutboxEvent().withDomain('racing').build();
    const indexOf = (scope: ExportScope) =>
      String(filesOf(exportBundle(mesh, [mermaidTarget], scope)).find((file) => file.path === INDEX_FILE)?.content);
    const row =
      '| vet-service | topic vet.events.vet-check-failed | vet-check-failed | vet\\_check\\_failed.notes | confidential |';
    expect(indexOf(WHOLE_MESH)).toContain(`\n${row}\n`);
    expect(indexOf({ kind: 'domain', domainId: 'racing' })).not.toContain('## Classified fields');
  });

  it('carries the files a format left out as warnings, labelled, and says in index.md what was not written', () => {
    const result = exportBundle(fanOutMesh(501), [mermaidTarget], WHOLE_MESH, { diagramKinds: ['logical-view'] });
    const warning = {
      kind: 'left-out',
      path: 'mermaid/logical-view/d.mmd',
      message:
        'Mermaid diagrams: not written: the logical view of domain d would be 501 edges, past the 500 Mermaid draws by default; the app’s Diagram view draws it',
    };
    expect(result.ok && result.warnings).toEqual([warning]);
    const files = filesOf(result);
    expect(files.map((file) => file.path)).toEqual([INDEX_FILE, 'mermaid/logical-view.mmd']);
    expect(String(files[0]?.content)).toContain(
      '\n\n- mermaid/logical-view/d.mmd: not written: the logical view of domain d would be 501 edges',
    );
  });

  it('reports progress target by target, pausing between them, and gives the same bundle', async () => {
    const progress: string[] = [];
    const result = await exportBundleInSteps(
      ecommerce.mesh,
      EXPORT_TARGETS,
      WHOLE_MESH,
      {},
      {
        onProgress: ({ done, total, doing }: BundleProgress) => progress.push(`${done}/${total} ${doing}`),
        pause: async () => {
          progress.push('pause');
        },
        isCancelled: () => false,
      },
    );
    expect(progress).toEqual(
      EXPORT_TARGETS.flatMap((target, index) => [
        `${index}/${EXPORT_TARGETS.length} Exporting ${target.label}`,
        'pause',
      ]),
    );
    expect(result).toEqual(exportBundle(ecommerce.mesh, EXPORT_TARGETS, WHOLE_MESH));
  });

  describe('with pictures of the diagrams', () => {
    const mermaid = EXPORT_TARGETS.filter((target) => target.id === 'mermaid');
    const logicalViews = { diagramKinds: ['logical-view'] as const };
    /** Draws a picture as a record of what it was asked to draw. */
    const drawRecorded = async (text: string, format: PictureFormat) =>
      format === 'svg'
        ? `<svg>${text.split('\n')[1]}</svg>`
        : { bytes: new Uint8Array([0x89, text.length % 256]), width: 200, height: 100, pixelRatio: 2 };
    const steps = (pictures: BundleSteps['pictures'], progress: string[] = []): BundleSteps => ({
      onProgress: ({ done, total, doing }) => progress.push(`${done}/${total} ${doing}`),
      pause: async () => undefined,
      isCancelled: () => false,
      pictures,
    });

    it('draws each diagram in each format right after its text, and lists the pictures in index.md', async () => {
      const progress: string[] = [];
      const result = await exportBundleInSteps(
        ecommerce.mesh,
        mermaid,
        { kind: 'domain', domainId: 'orders-domain' },
        logicalViews,
        steps({ formats: ['svg', 'png'], draw: drawRecorded }, progress),
      );
      const files = filesOf(result!);
      expect(files.map((file) => file.path)).toEqual([
        'index.md',
        'mermaid/logical-view/orders.mmd',
        'mermaid/logical-view/orders.svg',
        'mermaid/logical-view/orders.png',
      ]);
      expect(files[2]?.content).toBe('<svg>title: "Logical view: Orders"</svg>');
      expect(files[3]?.content).toBeInstanceOf(Uint8Array);
      expect(progress).toEqual([
        '0/1 Exporting Mermaid diagrams',
        '1/3 Drawing mermaid/logical-view/orders.svg',
        '2/3 Drawing mermaid/logical-view/orders.png',
      ]);
      const index = String(files[0]?.content);
      expect(index).toContain(
        '| [mermaid/logical-view/orders.svg](mermaid/logical-view/orders.svg) | logical view of domain Orders, as an SVG picture |',
      );
      expect(index).toContain('| [mermaid/logical-view/orders.png](mermaid/logical-view/orders.png) |');
    });

    it('writes only the chosen kinds of diagram', () => {
      const paths = pathsOf(
        exportBundle(ecommerce.mesh, mermaid, WHOLE_MESH, { diagramKinds: ['lineage', 'data-retrieval-flow'] }),
      );
      expect(paths).toEqual([
        'index.md',
        'mermaid/lineage.mmd',
        'mermaid/lineage/orders.mmd',
        'mermaid/lineage/customers.mmd',
        'mermaid/lineage/shipping.mmd',
        'mermaid/lineage/analytics.mmd',
        'mermaid/data-retrieval/orders-service.mmd',
        'mermaid/data-retrieval/customers-service.mmd',
        'mermaid/data-retrieval/shipping-service.mmd',
      ]);
    });

    it('leaves out a diagram a picture of which cannot be drawn, with its pictures, and says why; the rest is written', async () => {
      const draw = async (text: string, format: PictureFormat) => {
        if (text.includes('Logical view: Orders') && format === 'png') throw new Error('Parse error on line 3');
        return '<svg/>';
      };
      const result = await exportBundleInSteps(
        ecommerce.mesh,
        mermaid,
        WHOLE_MESH,
        logicalViews,
        steps({ formats: ['svg', 'png'], draw }),
      );
      const paths = pathsOf(result!);
      expect(paths).not.toContain('mermaid/logical-view/orders.mmd');
      expect(paths).not.toContain('mermaid/logical-view/orders.svg');
      expect(paths).toContain('mermaid/logical-view/customers.png');
      expect(result?.ok && result.warnings).toEqual([
        {
          kind: 'left-out',
          path: 'mermaid/logical-view/orders.mmd',
          message:
            'Mermaid diagrams: not written: mermaid/logical-view/orders.png could not be drawn: Parse error on line 3',
        },
      ]);
      expect(String(filesOf(result!)[0]?.content)).toContain(
        'mermaid/logical-view/orders.mmd: not written: mermaid/logical-view/orders.png could not be drawn',
      );
    });

    it('writes a PNG too tall for twice its size as drawn, and says its size and the scale it got', async () => {
      const draw = async (text: string, format: PictureFormat) => {
        if (format === 'svg') return '<svg/>';
        const isTall = text.includes('Logical view: Orders');
        return { bytes: new Uint8Array([0x89]), width: 394, height: 16_384, pixelRatio: isTall ? 1.4333 : 2 };
      };
      const result = await exportBundleInSteps(
        ecommerce.mesh,
        mermaid,
        WHOLE_MESH,
        logicalViews,
        steps({ formats: ['svg', 'png'], draw }),
      );
      expect(pathsOf(result!)).toContain('mermaid/logical-view/orders.png');
      expect(result?.ok && result.warnings).toEqual([
        {
          kind: 'caution',
          path: 'mermaid/logical-view/orders.png',
          message:
            'Mermaid diagrams: drawn smaller: 394 × 16384 px, at 1.43× rather than 2×: no side of a PNG can pass 16384 px',
        },
      ]);
    });

    it('stops drawing once cancelled', async () => {
      let drawn = 0;
      const result = await exportBundleInSteps(
        ecommerce.mesh,
        mermaid,
        WHOLE_MESH,
        {},
        {
          ...steps({
            formats: ['png'],
            draw: async () => ({ bytes: new Uint8Array(drawn++), width: 1, height: 1, pixelRatio: 2 }),
          }),
          isCancelled: () => drawn === 2,
        },
      );
      expect(result).toBeNull();
      expect(drawn).toBe(2);
    });
  });

  it('stops without a result once cancelled', async () => {
    let pauses = 0;
    const result = await exportBundleInSteps(
      ecommerce.mesh,
      EXPORT_TARGETS,
      WHOLE_MESH,
      {},
      {
        onProgress: () => undefined,
        pause: async () => {
          pauses++;
        },
        isCancelled: () => pauses === 2,
      },
    );
    expect(result).toBeNull();
  });

  it('lays the files out as a tree: index.md, then one folder per format', () => {
    const files = filesOf(exportBundle(ecommerce.mesh, EXPORT_TARGETS, WHOLE_MESH));
    const tree = bundleTree(files);
    expect(tree.files.map((file) => file.path)).toEqual(['index.md']);
    expect(tree.folders.map((folder) => `${folder.path} (${folder.files.length})`)).toEqual([
      'odcs (6)',
      'odps (5)',
      'backstage (1)',
      'strimzi (6)',
      'sql (5)',
      'jsonschema (6)',
      'mermaid (2)',
    ]);
    expect(filesInTreeOrder(tree)).toEqual(files);
  });
});
