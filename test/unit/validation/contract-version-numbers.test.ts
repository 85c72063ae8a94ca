import { describe, expect, it } from 'vitest';
import { compareContracts } from '../../../shared/contracts';
import type { Mesh } from '../../../shared/model';
import { validateMesh } from '../../../shared/validation/validate-mesh';
import { aContract } from '../../builders/mesh-builder';
import { aGovernedMesh } from './governed-mesh';

/** The governed mesh with one more contract, named 'Risk view', of this version. */
function withContractVersion(version: string): Mesh {
  const mesh = aGovernedMesh();
  mesh.contracts.push(aContract('risk-view', { name: 'Risk view', version }));
  return mesh;
}

const versionFindings = (version: string) =>
  validateMesh(withContractVersion(version), { ruleIds: ['contract-version-numbers'] }).map(
    ({ severity, path, message }) => ({ severity, path, message: message.split(':')[0] }),
  );

describe('contract-version-numbers', () => {
  it.each([
    ['99999999999999999999.0.0', '99999999999999999999'],
    ['1.9007199254740992.0', '9007199254740992'],
    ['v99999999999999999999', '99999999999999999999'],
    ['1.0.0-rc.99999999999999999999', '99999999999999999999'],
  ])('refuses the version %s, whose number %s is beyond what versions are compared with', (version, number) => {
    expect(versionFindings(version)).toEqual([
      {
        severity: 'error',
        path: expect.stringMatching(/version$/),
        message: `Contract 'Risk view' has the version '${version}', whose number ${number} is larger than 9007199254740991`,
      },
    ]);
  });

  it.each(['1.0.0', '9007199254740991.0.0', 'v2', '2024-01', '1.0.0+99999999999999999999'])(
    'accepts the version %s (build metadata is never compared)',
    (version) => {
      expect(versionFindings(version)).toEqual([]);
    },
  );

  it.each([
    ['99999999999999999998.0.0', '99999999999999999999.0.0'],
    ['99999999999999999999.0.0', '100000000000000000000.0.0'],
    ['9007199254740993.0.0', '9007199254740992.0.0'],
  ])(
    'does not round %s and %s to the same number when it checks a breaking change: it cannot tell, and says so',
    (from, to) => {
      const previous = aContract('c', { version: from });
      const next = aContract('c', { version: to, schema: [{ name: 'c', properties: [] }] });
      const comparison = compareContracts(previous, next);
      expect(comparison.isBreaking).toBe(true);
      expect(comparison.neededVersion).toBeUndefined();
      expect(comparison.findings).toEqual([
        expect.objectContaining({ severity: 'warning', message: expect.stringContaining('no semantic versions') }),
      ]);
    },
  );
});
