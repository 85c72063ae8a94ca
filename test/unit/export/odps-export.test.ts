import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { WHOLE_MESH } from '../../../shared/export';
import { odpsTarget } from '../../../shared/export/odps/odps-target';
import { aContract, aMesh, anOutboxTopic, aPort } from '../../builders/mesh-builder';
import { exportCases, filesOf, itWritesTheGoldenFiles } from './golden-cases';
import { odpsDocumentProblems } from './real-validators';
import { readYamlStandard } from './standards';
import { everyTypeContract } from './unseen-meshes';
import { readEverywhere } from './yaml-readers';

describe('ODPS export', () => {
  itWritesTheGoldenFiles('odps', ({ mesh }) => filesOf(odpsTarget.files(mesh, WHOLE_MESH)));

  it('checks with a validator that accepts the official example and refuses a broken document', () => {
    const example = readYamlStandard('odps/examples/customer-data-product.odps.yaml');
    expect(odpsDocumentProblems(example)).toEqual([]);
    expect(odpsDocumentProblems({ ...example, inputPorts: [{ name: 'x' }] })).not.toEqual([]);
  });

  it.each(exportCases().map((exportCase) => [exportCase.name, exportCase] as const))(
    '%s: every product is valid against the official ODPS v1.0.0 schema and reads the same in YAML 1.1 readers',
    (_, { mesh }) => {
      const files = filesOf(odpsTarget.files(mesh, WHOLE_MESH));
      expect(files).toHaveLength(mesh.products.length);
      for (const file of files) expect(odpsDocumentProblems(parse(String(file.content))), file.path).toEqual([]);
      for (const [index, reading] of readEverywhere(files.map((file) => String(file.content))).entries()) {
        expect(reading.pyYaml, files[index]?.path).toEqual(reading.yaml12);
      }
    },
  );

  it('says draft for a product whose ODCS 3.2 contract has no status, as ODPS requires one', () => {
    const mesh = aMesh()
      .withDomain('d')
      .withProduct('p', 'd', { outputPorts: [aPort('out', 'output', { contractId: 'latest' })] })
      .build();
    mesh.contracts.push(everyTypeContract('latest', 'v3.2.0'));
    expect(mesh.contracts[0]?.status).toBeUndefined();
    const [file] = filesOf(odpsTarget.files(mesh, WHOLE_MESH));
    const document = parse(String(file?.content));
    expect(odpsDocumentProblems(document)).toEqual([]);
    expect(document.status).toBe('draft');
  });

  it('says the lifecycle status its contracts share however they spell it, in the lower case ODPS lists', () => {
    const mesh = aMesh()
      .withDomain('d')
      .withContract('readings', { status: 'Active' })
      .withContract('alerts', { status: 'active ' })
      .withProduct('lab', 'd', {
        outputPorts: [
          aPort('readings-out', 'output', { contractId: 'readings' }),
          aPort('alerts-out', 'output', { contractId: 'alerts' }),
        ],
      })
      .build();
    const [file] = filesOf(odpsTarget.files(mesh, WHOLE_MESH));
    expect(parse(String(file?.content)).status).toBe('active');
  });

  it('names no team for a product whose owner is only invisible characters', () => {
    const mesh = aMesh().withDomain('d').withProduct('p', 'd', { owner: '\u200b\u2060' }).build();
    const [file] = filesOf(odpsTarget.files(mesh, WHOLE_MESH));
    expect(parse(String(file?.content)).team).toBeUndefined();
  });

  it('names each input port with its upstream contract and version, and the discovery port as a management port', () => {
    const ecommerce = exportCases().find((exportCase) => exportCase.name === 'ecommerce')!;
    const files = filesOf(odpsTarget.files(ecommerce.mesh, WHOLE_MESH));
    const dashboard = parse(String(files.find((file) => file.path === 'odps/sales-dashboard.odps.yaml')?.content));
    expect(dashboard).toMatchObject({
      id: 'sales-dashboard',
      status: 'active',
      domain: 'Analytics',
      team: { name: 'team-sales' },
      inputPorts: [
        { name: 'OrderPlaced events', contractId: 'order-placed', version: '1.0.0' },
        { name: 'Customer profiles', contractId: 'customer-profile', version: '1.0.0' },
      ],
      outputPorts: [{ name: 'Daily sales', contractId: 'daily-sales', version: '1.0.0', type: 'table' }],
      managementPorts: [{ name: 'Discovery', content: 'discoverability' }],
    });
  });
  it('lists as inputs without a contract every link into an input port that carries none, beside one that does', () => {
    const mesh = aMesh()
      .withDomain('d')
      .withSystem('shop', 'd')
      .withContract('price')
      .withProduct('catalog', 'd', {
        outputPorts: [aPort('prices', 'output', { contractId: 'price' }), aPort('draft', 'output')],
      })
      .withProduct('sales', 'd', { inputPorts: [aPort('prices-in', 'input'), aPort('draft-in', 'input')] })
      .withLink('l1', { nodeId: 'catalog', portId: 'prices' }, { nodeId: 'sales', portId: 'prices-in' })
      .withLink('l2', { nodeId: 'shop', portId: 'items-cdc' }, { nodeId: 'sales', portId: 'prices-in' })
      .withLink('l3', { nodeId: 'catalog', portId: 'draft' }, { nodeId: 'sales', portId: 'draft-in' })
      .build();
    const file = filesOf(odpsTarget.files(mesh, WHOLE_MESH)).find((each) => each.path === 'odps/sales.odps.yaml');
    const document = parse(String(file?.content));
    expect(odpsDocumentProblems(document)).toEqual([]);
    expect(document.inputPorts).toEqual([{ name: 'prices-in', version: '1.0.0', contractId: 'price' }]);
    const withoutContract = document.customProperties.find(
      (each: { property: string }) => each.property === 'inputsWithoutContract',
    );
    expect(withoutContract.description).toMatch(/output port without a contract/);
    expect(withoutContract.value).toEqual([
      { name: 'prices-in', from: ['shop topic shop.items'] },
      { name: 'draft-in', from: ['catalog output port draft'] },
    ]);
  });

  describe('inputContracts of an output port', () => {
    /**
     * `shop` feeds `sales` its items table by CDC (no contract) and its Sold events under the
     * contract `sold`; `catalog` feeds it prices under `price`. Each output port of `sales` reads:
     * items-out the items table alone, prices-out the prices alone, totals-out (SQL) sold and
     * prices, draft-out has no contract, so no table the lineage could follow.
     */
    function aMeshWithThreeFeeds() {
      const mesh = aMesh()
        .withDomain('d')
        .withSystem('shop', 'd', { publishes: [{ name: 'Sold', table: 'items', on: ['insert'], contractId: 'sold' }] })
        .withContract('sold', { kind: 'event' })
        .withContract('price')
        .withContract('item-copy', { schema: aContract('items').schema })
        .withContract('price-copy', { schema: aContract('price').schema })
        .withContract('totals')
        .withProduct('catalog', 'd', { outputPorts: [aPort('prices', 'output', { contractId: 'price' })] })
        .withProduct('sales', 'd', {
          inputPorts: [aPort('items-in', 'input'), aPort('sold-in', 'input'), aPort('prices-in', 'input')],
          outputPorts: [
            aPort('items-out', 'output', { contractId: 'item-copy' }),
            aPort('prices-out', 'output', { contractId: 'price-copy' }),
            aPort('totals-out', 'output', { contractId: 'totals' }),
            aPort('draft-out', 'output'),
          ],
          transformations: [{ name: 'totals', sql: 'SELECT s.id FROM sold s JOIN price p ON p.id = s.id' }],
        })
        .withLink('l1', { nodeId: 'shop', portId: 'items-cdc' }, { nodeId: 'sales', portId: 'items-in' })
        .withLink('l2', { nodeId: 'shop', portId: 'sold' }, { nodeId: 'sales', portId: 'sold-in' })
        .withLink('l3', { nodeId: 'catalog', portId: 'prices' }, { nodeId: 'sales', portId: 'prices-in' })
        .build();
      mesh.systems[0]!.messaging.topics.push(anOutboxTopic('sold', 'shop.events.sold', 'Sold'));
      return mesh;
    }

    function inputContractsByPort(mesh: ReturnType<typeof aMeshWithThreeFeeds>) {
      const file = filesOf(odpsTarget.files(mesh, WHOLE_MESH)).find((each) => each.path === 'odps/sales.odps.yaml');
      const document = parse(String(file?.content));
      expect(odpsDocumentProblems(document)).toEqual([]);
      return Object.fromEntries(
        document.outputPorts.map((port: { name: string; inputContracts?: { id: string }[] }) => [
          port.name,
          port.inputContracts?.map((contract) => contract.id),
        ]),
      );
    }

    it('lists for each output port only the contracts of the inputs its table is built from', () => {
      expect(inputContractsByPort(aMeshWithThreeFeeds())).toEqual({
        'items-out': undefined,
        'prices-out': ['price'],
        'totals-out': ['sold', 'price'],
        'draft-out': ['sold', 'price'],
      });
    });

    it('lists every input contract for a port whose SQL does not parse, as any input may feed it', () => {
      const mesh = aMeshWithThreeFeeds();
      mesh.products[1]!.transformations[0]!.sql = 'SELECT FROM WHERE (';
      expect(inputContractsByPort(mesh)['totals-out']).toEqual(['sold', 'price']);
    });
  });
});
