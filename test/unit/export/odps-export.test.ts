import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { WHOLE_MESH } from '../../../shared/export';
import { odpsTarget } from '../../../shared/export/odps/odps-target';
import { aMesh, aPort } from '../../builders/mesh-builder';
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
});
