import { describe, expect, it } from 'vitest';
import { parseMeshFile } from '../../../shared/contracts';
import { type Mesh, serializeMesh } from '../../../shared/model';
import { countFindings, validateMesh } from '../../../shared/validation/validate-mesh';
import { aGovernedMesh } from './governed-mesh';

/** The governed mesh with two products and a domain left without owners: three `owners` findings. */
function withoutOwners(policies: Mesh['policies']['rules'] = {}): Mesh {
  const mesh = aGovernedMesh();
  for (const product of mesh.products) product.owner = '';
  (mesh.domains[1] as Mesh['domains'][number]).owner = '';
  mesh.policies.rules = policies;
  return mesh;
}

describe('policies as code', () => {
  it('reports a rule at its default severity when the policies say nothing', () => {
    const findings = validateMesh(withoutOwners());
    expect(findings.map((finding) => finding.severity)).toEqual(['warning', 'warning', 'warning']);
    expect(countFindings(findings)).toEqual({ error: 0, warning: 3, info: 0, off: 0 });
  });

  it('raises or lowers a rule, showing the reason given', () => {
    const findings = validateMesh(withoutOwners({ owners: { severity: 'error', reason: 'Audit finding 2026-04' } }));
    expect(findings.map((finding) => [finding.severity, finding.policyReason])).toEqual([
      ['error', 'Audit finding 2026-04'],
      ['error', 'Audit finding 2026-04'],
      ['error', 'Audit finding 2026-04'],
    ]);
    expect(validateMesh(withoutOwners({ owners: 'info' })).map((finding) => finding.severity)).toEqual([
      'info',
      'info',
      'info',
    ]);
  });

  it('turns a rule off with a reason that shows wherever the rule would have, counting for nothing', () => {
    const findings = validateMesh(
      withoutOwners({ owners: { severity: 'off', reason: 'Owners are assigned at go-live' } }),
    );
    expect(findings).toHaveLength(3);
    expect(findings.map((finding) => finding.suppressed)).toEqual([
      { reason: 'Owners are assigned at go-live' },
      { reason: 'Owners are assigned at go-live' },
      { reason: 'Owners are assigned at go-live' },
    ]);
    expect(countFindings(findings)).toEqual({ error: 0, warning: 0, info: 0, off: 3 });
  });

  it('turns a rule off without a reason, and says that a reason is missing', () => {
    const findings = validateMesh(withoutOwners({ owners: 'off' }));
    expect(
      findings.filter((finding) => finding.ruleId === 'owners').map((finding) => finding.suppressed?.reason),
    ).toEqual(Array(3).fill("turned off in the mesh's policies (no reason given)"));
    expect(findings.filter((finding) => finding.ruleId === 'policy-entries')).toHaveLength(1);
  });

  it('keeps policies with reasons through save and open', () => {
    const mesh = withoutOwners({ owners: { severity: 'off', reason: 'Pilot' }, 'unique-names': 'warning' });
    const reopened = parseMeshFile(serializeMesh(mesh));
    expect(reopened.ok && reopened.value.policies).toEqual(mesh.policies);
  });

  it('refuses a policy entry without a severity, or with an empty reason, at its location', () => {
    const mesh = JSON.parse(serializeMesh(aGovernedMesh()));
    mesh.policies.rules = { owners: { reason: 'x' }, 'unique-names': { severity: 'off', reason: ' ' } };
    const parsed = parseMeshFile(JSON.stringify(mesh));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors.map((error) => error.path)).toEqual([
      'policies.rules.owners',
      'policies.rules["unique-names"].reason',
    ]);
  });

  it('says, at each malformed policy entry, what an entry may be', () => {
    const mesh = JSON.parse(serializeMesh(aGovernedMesh()));
    mesh.policies.rules = {
      owners: 'fatal',
      'unique-names': { severity: 'off' },
      'orphan-products': { severity: 'off', reason: '' },
    };
    const parsed = parseMeshFile(JSON.stringify(mesh));
    const choices = `must be 'error', 'warning', 'info' or 'off', or { "severity": one of them, "reason": "why" }`;
    expect(!parsed.ok && parsed.errors).toEqual([
      { path: 'policies.rules.owners', message: choices },
      { path: 'policies.rules["unique-names"]', message: choices },
      { path: 'policies.rules["orphan-products"].reason', message: 'a reason says why: it cannot be empty' },
    ]);
  });
});
