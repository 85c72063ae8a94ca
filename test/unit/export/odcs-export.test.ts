import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseOdcsYaml } from '../../../shared/contracts';
import { WHOLE_MESH } from '../../../shared/export';
import { odcsTarget, odcsYaml } from '../../../shared/export/odcs/odcs-target';
import { aContract } from '../../builders/mesh-builder';
import { aGovernedMesh } from '../validation/governed-mesh';
import { EXPORT_FIXTURES, exportCases, filesOf, itWritesTheGoldenFiles, readMesh } from './golden-cases';
import { odcsDocumentProblems } from './real-validators';
import { readEverywhere } from './yaml-readers';

describe('ODCS export', () => {
  itWritesTheGoldenFiles('odcs', ({ mesh }) => filesOf(odcsTarget.files(mesh, WHOLE_MESH)));

  it.each(exportCases().map((exportCase) => [exportCase.name, exportCase] as const))(
    '%s: every contract is valid against the official ODCS schema of its version and reads the same in YAML 1.1 readers',
    (_, { mesh }) => {
      const files = filesOf(odcsTarget.files(mesh, WHOLE_MESH));
      expect(files).toHaveLength(mesh.contracts.length);
      for (const file of files) {
        const document = parse(String(file.content));
        expect(odcsDocumentProblems(document), file.path).toEqual([]);
      }
      for (const [index, reading] of readEverywhere(files.map((file) => String(file.content))).entries()) {
        expect(reading.pyYaml, files[index]?.path).toEqual(reading.yaml12);
        expect(reading.jsYaml3, files[index]?.path).toEqual(reading.yaml12);
      }
    },
  );

  it('writes the app’s e-commerce sample, contracts kept as typed (`unit: y`), as the golden files', () => {
    const sample = readMesh(join(import.meta.dirname, '../../../assets/samples/ecommerce.mesh.json'));
    for (const file of filesOf(odcsTarget.files(sample, WHOLE_MESH))) {
      expect(file.content, file.path).toBe(readFileSync(join(EXPORT_FIXTURES, 'ecommerce', file.path), 'utf8'));
    }
  });

  it('quotes y and n in any capitals, which the editor only informs of, so readers of the YAML 1.1 spec read text too', () => {
    const [contract] = exportCases()[0]!.mesh.contracts;
    if (!contract) throw new Error('the case has no contract');
    const withFlags = { ...contract, odcs: contract.odcs.replace(/^status: /m, 'tags: [y, Y, n, N]\nstatus: ') };
    expect(odcsYaml(withFlags)).toContain('tags: ["y", "Y", "n", "N"]\n');
  });

  it('keeps each contract’s own apiVersion (an official v3.0 example stays v3.0)', () => {
    const text = readFileSync(join(import.meta.dirname, '../../fixtures/odcs/examples/kafka-schema.odcs.yaml'), 'utf8');
    const imported = parseOdcsYaml(text);
    if (!imported.ok) throw new Error('the example did not import');
    const mesh = { ...exportCases()[0]!.mesh, contracts: [imported.value] };
    const [file] = filesOf(odcsTarget.files(mesh, WHOLE_MESH));
    const document = parse(String(file?.content));
    expect(document.apiVersion).toBe(parse(text).apiVersion);
    expect(document.apiVersion).not.toBe('v3.1.0');
    expect(odcsDocumentProblems(document)).toEqual([]);
  });

  it('names the domain and product serving a contract where its text names others, as the ODPS beside it does', () => {
    const mesh = aGovernedMesh();
    mesh.contracts[0] = aContract('customers', { name: 'Customers', domain: 'finance', dataProduct: 'ledger' });
    const [file] = filesOf(odcsTarget.files({ ...mesh, contracts: [mesh.contracts[0]] }, WHOLE_MESH));
    expect(parse(String(file?.content))).toMatchObject({ domain: 'Sales', dataProduct: 'customers' });
  });

  it("names the serving product's owner as the team where the contract's text names another, as ODPS and Backstage do", () => {
    const mesh = aGovernedMesh();
    mesh.contracts[0] = aContract('customers', { name: 'Customers', owner: 'Ward Services Team' });
    const [file] = filesOf(odcsTarget.files({ ...mesh, contracts: [mesh.contracts[0]] }, WHOLE_MESH));
    expect(parse(String(file?.content))).toMatchObject({ team: { name: 'team-sales' } });
  });

  it("names the domain's owner as the team where the serving product's owner is only invisible characters", () => {
    const mesh = aGovernedMesh();
    mesh.contracts[0] = aContract('customers', { name: 'Customers', owner: 'team-clinical-data' });
    const customers = mesh.products.find((product) => product.id === 'customers');
    Object.assign(customers ?? {}, { owner: '\u200b' });
    const [file] = filesOf(odcsTarget.files({ ...mesh, contracts: [mesh.contracts[0]] }, WHOLE_MESH));
    expect(parse(String(file?.content))).toMatchObject({ team: { name: 'team-sales' } });
  });

  it("keeps the contract's team where neither the serving product nor its domain names an owner", () => {
    const mesh = aGovernedMesh();
    mesh.contracts[0] = aContract('customers', { name: 'Customers', owner: 'team-clinical-data' });
    const customers = mesh.products.find((product) => product.id === 'customers');
    Object.assign(customers ?? {}, { owner: '\u200b' });
    Object.assign(mesh.domains.find((domain) => domain.id === customers?.domainId) ?? {}, { owner: ' ' });
    const [file] = filesOf(odcsTarget.files({ ...mesh, contracts: [mesh.contracts[0]] }, WHOLE_MESH));
    expect(parse(String(file?.content))).toMatchObject({ team: { name: 'team-clinical-data' } });
  });

  it('refuses, naming the contract, one the official schema would refuse', () => {
    // The document only ever holds valid contract text: this one bypasses that entry on purpose.
    const valid = aContract('broken', { name: 'Broken' });
    const broken = { ...valid, odcs: `${valid.odcs}servers: not a list\n` };
    const mesh = { ...exportCases()[0]!.mesh, contracts: [broken] };
    const result = odcsTarget.files(mesh, WHOLE_MESH);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors[0]).toEqual({
      path: 'contracts[0]',
      message: expect.stringMatching(/^contract 'Broken' would not be valid ODCS: servers: /),
    });
  });
});
