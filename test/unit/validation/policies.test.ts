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

  it('opens a design whose policy entries are malformed, each a located policy-entries finding, its rule at its default', () => {
    const mesh = JSON.parse(serializeMesh(withoutOwners()));
    mesh.policies.rules = {
      owners: 'Error',
      'unique-names': { severity: 'warning' },
      'orphan-products': { severity: 'off', reason: ' ' },
      'self-links': { reason: 'x' },
      'safe-file-names': 5,
      'inputs-linked': { severity: 'info', reason: 'Pilot', until: 'Q3' },
    };
    const parsed = parseMeshFile(JSON.stringify(mesh));
    if (!parsed.ok) throw new Error(parsed.errors.map((error) => error.message).join('\n'));
    const findings = validateMesh(parsed.value);
    expect(findings.filter((finding) => finding.ruleId === 'owners').map((finding) => finding.severity)).toEqual([
      'warning',
      'warning',
      'warning',
    ]);
    const severities = 'severity must be one of error, warning, info, off';
    expect(
      findings
        .filter((finding) => finding.ruleId === 'policy-entries')
        .map((finding) => [finding.path, finding.message]),
    ).toEqual([
      ['policies.rules.owners', `The policy for 'owners' is ignored: ${severities} (got 'Error').`],
      [
        'policies.rules["unique-names"]',
        `The policy for 'unique-names' is ignored: a reason is required with { "severity": … }; write "warning" alone, or add a "reason".`,
      ],
      [
        'policies.rules["orphan-products"]',
        `The policy for 'orphan-products' is ignored: the reason is empty; a reason says why.`,
      ],
      ['policies.rules["self-links"]', `The policy for 'self-links' is ignored: ${severities} (got none).`],
      [
        'policies.rules["safe-file-names"]',
        `The policy for 'safe-file-names' is ignored: it must be a severity or { "severity": …, "reason": "why" } (got 5).`,
      ],
      [
        'policies.rules["inputs-linked"]',
        `The policy for 'inputs-linked' is ignored: an entry has only "severity" and "reason" (got "until").`,
      ],
    ]);
  });

  it('asks a rule turned off in the object form without a reason only for the reason, never to write "off" alone', () => {
    const mesh = JSON.parse(serializeMesh(withoutOwners()));
    mesh.policies.rules = { owners: { severity: 'off' } };
    const parsed = parseMeshFile(JSON.stringify(mesh));
    if (!parsed.ok) throw new Error(parsed.errors.map((error) => error.message).join('\n'));
    const [entry, ...others] = validateMesh(parsed.value).filter((finding) => finding.ruleId === 'policy-entries');
    expect(others).toEqual([]);
    expect([entry?.message, entry?.fixHint]).toEqual([
      `The policy for 'owners' is ignored: a reason is required with { "severity": "off" }; add a "reason", since a rule turned off without one is itself a finding.`,
      `Write it as { "severity": "off", "reason": "…" } so the next reader knows why; until then the rule keeps its default severity.`,
    ]);
  });

  it('keeps a malformed policy entry as written through save and open', () => {
    const mesh = JSON.parse(serializeMesh(aGovernedMesh()));
    mesh.policies.rules = { owners: 'Error' };
    const parsed = parseMeshFile(JSON.stringify(mesh));
    expect(parsed.ok && JSON.parse(serializeMesh(parsed.value)).policies).toEqual({ rules: { owners: 'Error' } });
  });

  it('suggests the rule an unknown id nearly names', () => {
    const findings = validateMesh(withoutOwners({ 'pii-propagaton': 'warning', zzz: 'off' }));
    const entries = findings.filter((finding) => finding.ruleId === 'policy-entries');
    expect(entries.map(({ message, fixHint }) => [message, fixHint])).toEqual([
      [
        "The policies set 'pii-propagaton', which is no rule: did you mean 'pii-propagation'?",
        "Rename the policy to 'pii-propagation', or remove it.",
      ],
      [
        "The policies set 'zzz', which is no rule.",
        expect.stringMatching(/^Use one of: owners, output-contracts, .*, policy-entries\.$/),
      ],
    ]);
  });

  it('reports an unknown rule id or an unreadable entry as an error, whatever severity the policies give policy-entries', () => {
    for (const severity of ['info', { severity: 'warning', reason: 'Quiet' }]) {
      const findings = validateMesh(
        withoutOwners({ 'policy-entries': severity, 'pii-propogation': 'error', owners: 'Error' }),
      );
      expect(
        findings
          .filter((finding) => finding.ruleId === 'policy-entries')
          .map((finding) => [finding.path, finding.severity]),
      ).toEqual([
        ['policies.rules["pii-propogation"]', 'error'],
        ['policies.rules.owners', 'error'],
      ]);
    }
  });

  it('reports an unknown rule id or an unreadable entry even when the policies turn policy-entries off', () => {
    const findings = validateMesh(
      withoutOwners({ 'policy-entries': 'off', nope: 'error', owners: 'Error', 'unique-names': 'off' }),
    );
    const entries = findings.filter((finding) => finding.ruleId === 'policy-entries');
    expect(entries.map((finding) => [finding.path, finding.severity, finding.suppressed])).toEqual([
      [
        'policies.rules["policy-entries"]',
        'warning',
        { reason: "turned off in the mesh's policies (no reason given)" },
      ],
      ['policies.rules.nope', 'error', undefined],
      ['policies.rules.owners', 'error', undefined],
      ['policies.rules["unique-names"]', 'warning', { reason: "turned off in the mesh's policies (no reason given)" }],
    ]);
    expect(countFindings(entries)).toMatchObject({ error: 2, warning: 0 });
  });
});
