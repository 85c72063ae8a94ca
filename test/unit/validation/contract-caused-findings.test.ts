import { describe, expect, it } from 'vitest';
import type { Contract, Mesh, SchemaObject } from '../../../shared/model';
import { findingsCausedByContract } from '../../../shared/validation/contract-caused-findings';
import type { Finding } from '../../../shared/validation/finding';
import { validateMesh } from '../../../shared/validation/validate-mesh';
import { aProperty } from '../contracts/builders';
import { aBusyDay, aGovernedMesh } from './governed-mesh';

/** The governed mesh, simulated, with contract Customers requiring a field its port's CDC table lacks (booked_at). */
function customersRequiringBookedAt(): Mesh {
  const mesh = aGovernedMesh();
  mesh.scenarios.push(aBusyDay());
  const customers = mesh.contracts.find((contract) => contract.id === 'customers') as Contract;
  const [table] = customers.schema as [SchemaObject];
  table.properties.push(aProperty('booked_at', 'timestamp', { required: true }));
  return mesh;
}

describe("the design's findings a contract's editor lists beside its text's", () => {
  const mesh = customersRequiringBookedAt();
  const findings = validateMesh(mesh);

  it("lists the port's finding that its table lacks a field the contract requires, under that contract only", () => {
    expect(findingsCausedByContract(findings, 'customers')).toEqual([
      expect.objectContaining({
        ruleId: 'published-fields',
        element: { kind: 'port', productId: 'customers', portId: 'out' },
        message: expect.stringContaining("which has no field 'booked_at': contract 'Customers' requires it"),
      }),
    ]);
    const others = mesh.contracts.filter((contract) => contract.id !== 'customers');
    expect(others.flatMap((contract) => findingsCausedByContract(findings, contract.id))).toEqual([]);
  });

  it('leaves out findings of the same port that are not the contract’s doing, and muted ones', () => {
    const [caused] = findingsCausedByContract(findings, 'customers') as [Finding];
    const unrelated: Finding = { ...caused, ruleId: 'freshness-slos', causingContractId: undefined };
    const muted: Finding = { ...caused, suppressed: { reason: 'known' } };
    expect(findingsCausedByContract([unrelated, muted], 'customers')).toEqual([]);
  });
});
