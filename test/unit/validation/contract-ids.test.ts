import { describe, expect, it } from 'vitest';
import type { Mesh } from '../../../shared/model';
import { validateMesh } from '../../../shared/validation/validate-mesh';
import { aContract } from '../../builders/mesh-builder';
import { aGovernedMesh } from './governed-mesh';

/** The governed mesh with one more contract, named 'Risk view', of this id. */
function withContractId(id: string): Mesh {
  const mesh = aGovernedMesh();
  mesh.contracts.push(aContract(id, { name: 'Risk view' }));
  return mesh;
}

/** The opening of the contract-ids finding for the id (up to what it holds), and its hint; none when the id is plain. */
const contractIdFindings = (id: string) =>
  validateMesh(withContractId(id), { ruleIds: ['contract-ids'] }).map(({ message, fixHint }) => [
    message.split(': the ODPS')[0],
    fixHint,
  ]);

describe('contract-ids', () => {
  it.each([
    ['risk?view', "'?'", 'risk-view'],
    ['risk#view', "'#'", 'risk-view'],
    ['risk%2Fview', "'%'", 'risk-2fview'],
    ['C:risk', "':' outside a URN", 'c-risk'],
    ['C:risk%2Fview?x#y', "'?', '#', '%' and ':' outside a URN", 'c-risk-2fview-x-y'],
  ])('warns of the id %s, which breaks a URL or path reader at %s, and suggests a slug', (id, holds, slug) => {
    expect(contractIdFindings(id)).toEqual([
      [
        `Contract 'Risk view' has the id '${id}', which holds ${holds}`,
        `Give the contract a plain id such as '${slug}', and name it so in the ports that serve or read it.`,
      ],
    ]);
  });

  it.each([
    {
      id: 'risk\u202eview',
      shown: 'risk\\u202eview',
      holds: 'a bidirectional control that shows it in another order than it is written (U+202E)',
    },
    {
      id: '\u2066risk\u2069view',
      shown: '\\u2066risk\\u2069view',
      holds: 'bidirectional controls that show it in another order than it is written (U+2066, U+2069)',
    },
    {
      id: 'risk\u200bview',
      shown: 'risk\\u200bview',
      holds: 'an invisible format character that makes it look like another id (U+200B)',
    },
    {
      id: 'risk?\u202eview',
      shown: 'risk?\\u202eview',
      holds: "'?' and a bidirectional control that shows it in another order than it is written (U+202E)",
    },
  ])(
    'warns of the id $shown (escaped in the message), which holds $holds, and suggests a slug',
    ({ id, shown, holds }) => {
      expect(contractIdFindings(id)).toEqual([
        [
          `Contract 'Risk view' has the id '${shown}', which holds ${holds}`,
          "Give the contract a plain id such as 'risk-view', and name it so in the ports that serve or read it.",
        ],
      ]);
    },
  );

  it.each([
    ['a UUID, as ODCS examples give', '53581432-6c55-4ba2-a65f-72344a91553a'],
    ['a plain word, as ODCS examples give', 'orders'],
    ['a URN', 'urn:datacontract:risk.view'],
    ['a URN in capitals', 'URN:datacontract:risk-view'],
    ['a right-to-left word', 'סיכון'],
  ])('takes %s as a plain id', (_form, id) => {
    expect(contractIdFindings(id)).toEqual([]);
  });
});
