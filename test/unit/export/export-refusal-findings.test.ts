import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMeshFile } from '../../../shared/contracts';
import { EXPORT_REFUSAL_ID, exportRefusalFindings, exportRefusals } from '../../../shared/export';
import type { Mesh } from '../../../shared/model';
import { validateMesh } from '../../../shared/validation/validate-mesh';

const sample = readFileSync(new URL('../../../assets/samples/ecommerce.mesh.json', import.meta.url), 'utf8');
/** The sample file, edited as `edit` says, read as the app reads it. */
function aSample(edit: (file: Mesh) => void = () => {}): Mesh {
  const file = JSON.parse(sample) as Mesh;
  edit(file);
  const parsed = parseMeshFile(JSON.stringify(file));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}
const refusalsBesideRules = (mesh: Mesh) => exportRefusalFindings(mesh, validateMesh(mesh));

describe('export refusals as problems of the design', () => {
  it('has none for a design that exports', () => {
    expect(refusalsBesideRules(aSample())).toEqual([]);
  });

  it('says each refusal as export says it, as an error at the element its path is in', () => {
    const mesh = aSample((file) => {
      (file.systems[0]?.messaging.topics[0] as { name: string }).name = 'bad topic';
      (file.systems[1] as Mesh['systems'][number]).database.engine = 'cassandra';
    });
    const system = mesh.systems[0] as Mesh['systems'][number];

    const findings = refusalsBesideRules(mesh);

    expect(findings.map(({ path, message }) => ({ path, message }))).toEqual(exportRefusals(mesh));
    expect(findings[0]).toMatchObject({
      ruleId: EXPORT_REFUSAL_ID,
      severity: 'error',
      element: { kind: 'topic', systemId: system.id, topicId: system.messaging.topics[0]?.id },
    });
    expect(findings[1]).toMatchObject({ element: { kind: 'system', systemId: mesh.systems[1]?.id } });
  });

  it('leaves out what a governance error already says, and says it when a policy turns that rule off', () => {
    const withTopicTwice = (file: Mesh) => {
      const topics = (file.systems[0] as Mesh['systems'][number]).messaging.topics;
      topics.push({ ...(topics[0] as (typeof topics)[number]), id: 'again' });
    };
    expect(refusalsBesideRules(aSample(withTopicTwice))).toEqual([]);

    const turnedOff = aSample((file) => {
      withTopicTwice(file);
      file.policies.rules = { 'unique-names': { severity: 'off', reason: 'names are checked elsewhere' } };
    });

    expect(refusalsBesideRules(turnedOff).map((finding) => finding.path)).toEqual([
      'systems[0].messaging.topics[3].name',
    ]);
  });
});
