import { describe, expect, it } from 'vitest';
import { parseMeshFile } from '../../../shared/contracts/contract-text';
import { importContractSource } from '../../../shared/contracts/import';
import { readableContractId } from '../../../shared/contracts/readable-contract-id';
import { exportBundle, WHOLE_MESH } from '../../../shared/export';
import { EXPORT_TARGETS } from '../../../shared/export/export-targets';
import { serializeMesh } from '../../../shared/model';
import { aMesh, aPort } from '../../builders/mesh-builder';

/** Ids ODCS allows (any string) that are no slug: a URN, letters beyond ASCII, spaces, a slash. */
const ODCS_IDS = ['urn:datacontract:tax:bill', 'Steuerbescheid-Ä', '税单', 'Tax Bill 2024', 'tax/bill'];

const contractText = (id: string) =>
  `apiVersion: v3.1.0\nkind: DataContract\nid: '${id}'\nname: Tax bills\nversion: 1.0.0\nstatus: active\nschema:\n  - name: tax_bill\n    properties:\n      - name: bill_no\n        logicalType: string\n`;

describe('contract ids', () => {
  it.each(ODCS_IDS)('reads a contract with the id %s verbatim, as ODCS allows', (id) => {
    const read = importContractSource('bill.odcs.yaml', contractText(id));
    expect(read.ok && read.contract.id).toBe(id);
    expect(readableContractId(contractText(id))).toBe(id);
  });

  it.each(ODCS_IDS)('keeps a design serving the contract %s, and exports it under a safe file name', (id) => {
    const read = importContractSource('bill.odcs.yaml', contractText(id));
    if (!read.ok) throw new Error('not read');
    const mesh = aMesh()
      .withDomain('finance')
      .withProduct('billing', 'finance', { outputPorts: [aPort('bills', 'output', { contractId: id })] })
      .build();
    const withContract = { ...mesh, contracts: [read.contract] };
    const reopened = parseMeshFile(serializeMesh(withContract));
    expect(reopened.ok && reopened.value.contracts[0]?.id).toBe(id);
    const bundle = exportBundle(withContract, EXPORT_TARGETS, WHOLE_MESH);
    if (!bundle.ok) throw new Error(bundle.errors.map((error) => `${error.path}: ${error.message}`).join('; '));
    const paths = bundle.value.map((file) => file.path);
    expect(paths.filter((path) => path.startsWith('odcs/'))).toEqual(['odcs/tax-bills.odcs.yaml']);
  });

  it('refuses an id that is blank or holds a control character, saying what an id may hold', () => {
    for (const id of ['  ', 'tax\\u0085bill']) {
      const read = importContractSource('bill.odcs.yaml', contractText(id).replace(`'${id}'`, `"${id}"`));
      expect(read.ok ? [] : read.errors.map((error) => error.message)).toContain(
        'must not be blank or hold a control character',
      );
    }
  });
});
