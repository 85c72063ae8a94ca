import { describe, expect, it } from 'vitest';
import {
  policyFileFormat,
  readOrganisationPolicies,
  underOrganisationPolicies,
} from '../../../shared/validation/organisation-policies';
import { RULES } from '../../../shared/validation/rule-catalog';
import { validateMesh } from '../../../shared/validation/validate-mesh';
import { aGovernedMesh } from './governed-mesh';

describe("an organisation's policies", () => {
  it('apply the stricter severity, and name each rule the design set weaker', () => {
    const design = {
      rules: {
        'pii-propagation': { severity: 'off' as const, reason: 'PV team accepts risk' },
        owners: 'error' as const,
        'unique-names': 'info' as const,
      },
    };
    const organisation = {
      rules: { 'pii-propagation': 'error' as const, owners: 'warning' as const, 'orphan-products': 'error' as const },
    };
    const { policies, weakenings } = underOrganisationPolicies(design, organisation, RULES);
    expect(policies.rules).toEqual({
      'pii-propagation': { severity: 'error', reason: "required by the organisation's policy" },
      owners: 'error',
      'unique-names': 'info',
      'orphan-products': { severity: 'error', reason: "required by the organisation's policy" },
    });
    expect(weakenings).toEqual([{ ruleId: 'pii-propagation', designSeverity: 'off', organisationSeverity: 'error' }]);
  });

  it("give a rule the reason the organisation's file gives it, saying whose it is", () => {
    const organisation = {
      rules: { 'pii-propagation': { severity: 'error' as const, reason: 'GDPR Art. 9 biometric' } },
    };
    expect(underOrganisationPolicies({ rules: {} }, organisation, RULES).policies.rules).toEqual({
      'pii-propagation': { severity: 'error', reason: "GDPR Art. 9 biometric, required by the organisation's policy" },
    });
  });

  it("set a rule the design leaves at its default, where the organisation's severity is not weaker, as the design's setting would", () => {
    const required = { severity: 'error', reason: "required by the organisation's policy" };
    expect(underOrganisationPolicies({ rules: {} }, { rules: { 'pii-propagation': 'error' } }, RULES)).toEqual({
      policies: { rules: { 'pii-propagation': required } },
      weakenings: [],
    });
    expect(underOrganisationPolicies({ rules: {} }, { rules: { 'pii-propagation': 'warning' } }, RULES)).toEqual({
      policies: { rules: {} },
      weakenings: [],
    });
  });

  it("rank the organisation's classifications in its order where the design ranks them otherwise, and say so", () => {
    const organisation = { rules: {}, classificationLevels: ['public', 'internal', 'confidential', 'restricted'] };
    const ranked = (classificationLevels: string[]) =>
      underOrganisationPolicies({ rules: {}, classificationLevels }, organisation, RULES);
    expect(ranked(['restricted', 'internal', 'public'])).toEqual({
      policies: { rules: {}, classificationLevels: ['internal', 'confidential', 'restricted', 'public'] },
      weakenings: [],
      reranking: {
        designLevels: ['restricted', 'internal', 'public'],
        organisationLevels: organisation.classificationLevels,
      },
    });
    expect(ranked(['public', 'restricted', 'secret', 'confidential']).policies.classificationLevels).toEqual([
      'public',
      'internal',
      'confidential',
      'secret',
      'restricted',
    ]);
    expect(ranked(['public', 'internal', 'pii', 'restricted'])).toEqual({
      policies: { rules: {}, classificationLevels: ['public', 'internal', 'confidential', 'pii', 'restricted'] },
      weakenings: [],
    });
  });

  it("rank the organisation's words the design leaves out above the nearest word the organisation ranks below them", () => {
    const organisation = { rules: {}, classificationLevels: ['public', 'internal', 'restricted', 'special-category'] };
    const ranked = (classificationLevels: string[]) =>
      underOrganisationPolicies({ rules: {}, classificationLevels }, organisation, RULES);
    expect(ranked(['public', 'internal', 'pii', 'confidential', 'restricted'])).toEqual({
      policies: {
        rules: {},
        classificationLevels: ['public', 'internal', 'pii', 'confidential', 'restricted', 'special-category'],
      },
      weakenings: [],
    });
    expect(ranked(['public', 'pii']).policies.classificationLevels).toEqual([
      'public',
      'internal',
      'restricted',
      'special-category',
      'pii',
    ]);
    expect(ranked(['Public', 'RESTRICTED ']).policies.classificationLevels).toEqual([
      'Public',
      'internal',
      'RESTRICTED ',
      'special-category',
    ]);
  });

  it('read a classificationLevels of no words as ranking none, so the common four keep their order', () => {
    expect(readOrganisationPolicies('classificationLevels: []\n', RULES)).toEqual({
      ok: true,
      value: { rules: {} },
      notes: [],
    });
  });

  it('rank the common words in their common order where the organisation ranks no words of its own', () => {
    const organisation = { rules: { 'pii-propagation': 'error' as const } };
    const required = { 'pii-propagation': { severity: 'error', reason: "required by the organisation's policy" } };
    expect(
      underOrganisationPolicies(
        { rules: {}, classificationLevels: ['public', 'restricted', 'internal'] },
        organisation,
        RULES,
      ),
    ).toEqual({
      policies: {
        rules: required,
        classificationLevels: ['public', 'internal', 'restricted'],
      },
      weakenings: [],
      reranking: {
        designLevels: ['public', 'restricted', 'internal'],
        organisationLevels: ['public', 'internal', 'confidential', 'restricted'],
        isCommonOrder: true,
      },
    });
    expect(
      underOrganisationPolicies(
        { rules: {}, classificationLevels: ['public', 'internal', 'secret'] },
        organisation,
        RULES,
      ),
    ).toEqual({
      policies: {
        rules: required,
        classificationLevels: ['public', 'internal', 'secret'],
      },
      weakenings: [],
    });
  });

  it.each([
    [
      '{ "rules": { "pii-propogation": "error" } }',
      "rules.pii-propogation: no rule 'pii-propogation'; did you mean 'pii-propagation'?",
    ],
    ['rules:\n  owners: Error\n', "rules.owners: severity must be one of error, warning, info, off (got 'Error')"],
    ['{ "rules": ', 'this mapping opened with { is never closed; end it with }'],
    ['[1]', 'it must hold { "rules"'],
    ['rule:\n  owners: error\n', "no key 'rule' in a policy file; did you mean 'rules'?"],
    [
      'rules:\n  owners: error\nx: 1\n',
      "no key 'x' in a policy file, which holds only 'rules' and 'classificationLevels'",
    ],
    [
      'classificationLevels: [public, restricted, Restricted]\n',
      "classificationLevels: 'Restricted' is ranked twice; rank each word once",
    ],
    [
      'classificationLevels: [public, internal, "", 42, biometric]\n',
      'classificationLevels[2]: must be a non-empty word',
    ],
    ['classificationLevels: [public, internal, 42]\n', 'classificationLevels[2]: must be a non-empty word'],
    ['classificationLevels: biometric\n', 'classificationLevels: must be a list of words'],
    [
      'rules: {}\nclassificationLevels: [internal, public]\n',
      "classificationLevels: 'public' is ranked above 'internal', but public data is never sensitive: 'public' must come first",
    ],
    [
      'classificationLevels: [internal, confidential, public]\n',
      "classificationLevels: 'public' is ranked above 'internal' and 'confidential', but public data",
    ],
  ])('refuse a file that cannot be applied whole: %s', (text, error) => {
    const read = readOrganisationPolicies(text, RULES);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.error).toContain(error);
  });

  it('read a file that only ranks classifications, with no rules', () => {
    expect(readOrganisationPolicies('classificationLevels: [public, internal, restricted]\n', RULES)).toEqual({
      ok: true,
      value: { rules: {}, classificationLevels: ['public', 'internal', 'restricted'] },
      notes: [],
    });
  });

  it('read an empty rules key as no rules, beside classificationLevels', () => {
    expect(readOrganisationPolicies('rules:\nclassificationLevels: [public, internal]\n', RULES)).toEqual({
      ok: true,
      value: { rules: {}, classificationLevels: ['public', 'internal'] },
      notes: [],
    });
  });

  it('say what is wrong with rules that are not a map of rule ids', () => {
    const read = readOrganisationPolicies('rules: [owners]\n', RULES);
    expect(!read.ok && read.error).toBe(
      'rules: must map rule ids to severities ({ "<rule id>": "<severity>", … }), or be left empty',
    );
  });

  it("note the file's own ranking of the common words against their common order, once, as the file's", () => {
    expect(
      readOrganisationPolicies('classificationLevels: [public, confidential, internal, restricted]\n', RULES),
    ).toMatchObject({
      ok: true,
      value: { classificationLevels: ['public', 'confidential', 'internal', 'restricted'] },
      notes: [
        "classificationLevels: the file ranks 'confidential' below 'internal', against the common order (public, internal, confidential, restricted): a copy of confidential data could be classified 'internal' in every design it governs",
      ],
    });
  });

  it("leave policy-entries to judge the design's own policies, not the organisation's order put into them", () => {
    const organisation = { rules: {}, classificationLevels: ['public', 'confidential', 'internal', 'restricted'] };
    const design = aGovernedMesh();
    const governed = { ...design, policies: underOrganisationPolicies(design.policies, organisation, RULES).policies };
    const findings = validateMesh(governed, { ruleIds: ['policy-entries'], designPolicies: design.policies });
    expect(findings).toEqual([]);
    const inverted = { rules: {}, classificationLevels: ['public', 'restricted', 'internal'] };
    const rerankedInverted = underOrganisationPolicies(inverted, organisation, RULES).policies;
    expect(
      validateMesh(
        { ...design, policies: rerankedInverted },
        { ruleIds: ['policy-entries'], designPolicies: inverted },
      ).map((finding) => finding.message),
    ).toEqual([
      "The policies rank 'restricted' below 'internal', against the common order (public, internal, confidential, restricted): a copy of restricted data could be classified 'internal'.",
    ]);
  });

  it('note that a rule turned off has no effect, as the stricter severity applies', () => {
    expect(
      readOrganisationPolicies(
        'rules:\n  pii-propagation: off\n  owners: { severity: "off", reason: "pilot" }\n  unique-names: error\n',
        RULES,
      ),
    ).toMatchObject({
      ok: true,
      notes: [
        "rules.pii-propagation: 'off' has no effect: a design keeps its own severity where it is stricter, so a policy can only raise one",
        "rules.owners: 'off' has no effect: a design keeps its own severity where it is stricter, so a policy can only raise one",
      ],
    });
  });

  it('refuse a JSON file with a trailing comma, which YAML would read, at the token JSON stops at', () => {
    expect(readOrganisationPolicies('{"rules": {"owners": "error",}}', RULES, 'json')).toEqual({
      ok: false,
      error: "not valid JSON: unexpected '}' after a comma; JSON allows no trailing comma",
      at: { line: 1, column: 30 },
    });
    expect(
      readOrganisationPolicies('{\n  "classificationLevels": ["public", "internal",]\n}\n', RULES, 'json'),
    ).toEqual({
      ok: false,
      error: "not valid JSON: unexpected ']' after a comma; JSON allows no trailing comma",
      at: { line: 2, column: 49 },
    });
  });

  it('read YAML flow style with a trailing comma, as YAML allows', () => {
    expect(readOrganisationPolicies('{rules: {owners: error,}}\n', RULES, 'yaml')).toEqual({
      ok: true,
      value: { rules: { owners: 'error' } },
      notes: [],
    });
  });

  it('tell a JSON file from a YAML one by its extension', () => {
    expect(['org.json', 'ORG.JSON', 'org.yaml', 'org.yml', 'org'].map(policyFileFormat)).toEqual([
      'json',
      'json',
      'yaml',
      'yaml',
      'yaml',
    ]);
  });

  it('read YAML as JSON', () => {
    expect(readOrganisationPolicies('rules:\n  pii-propagation: error\n', RULES)).toEqual({
      ok: true,
      value: { rules: { 'pii-propagation': 'error' } },
      notes: [],
    });
  });
});
