import { Memo } from '../../lineage/memo';
import { type Contract, inNumber, joinedWith, quoted } from '../../model';
import type { RuleFinding } from '../finding';
import { findingsPerElement } from '../findings-per-element';
import { contractPlace } from '../places';
import type { Rule } from '../rule';

export const contractVersionNumbersRule: Rule = {
  id: 'contract-version-numbers',
  title: 'Contract versions hold numbers that can be compared exactly',
  rationale:
    "A contract's version goes verbatim into ODCS, ODPS, the Backstage catalog and the SQL comments; a number in it beyond 9007199254740991 (2^53 − 1) is refused by semver tools such as npm's, and rounded by JavaScript readers, so two versions read as one.",
  defaultSeverity: 'error',
  reads: ['contracts'],
  check({ mesh, graph }) {
    return findingsPerElement(findingsByContract, mesh.contracts, [], (contract) => {
      const tooLarge = numbersTooLarge(contract.version);
      if (tooLarge.length === 0) return [];
      return [
        {
          ...contractPlace(graph, contract, 'version'),
          message: `Contract ${quoted(contract.name)} has the version ${quoted(contract.version)}, whose ${inNumber(tooLarge.length, 'number')} ${joinedWith(tooLarge, 'and')} ${inNumber(tooLarge.length, 'is', 'are')} larger than ${Number.MAX_SAFE_INTEGER}: the exports carry it verbatim, semver tools refuse it, and versions cannot be compared with it.`,
          fixHint: 'Give the contract a version with smaller numbers, such as 1.0.0, and tell its consumers.',
        },
      ];
    });
  },
};

/** The numbers in a version, but its build metadata (`+…`, never compared), that no JavaScript number holds exactly. */
function numbersTooLarge(version: string): string[] {
  const [compared = ''] = version.split('+');
  return (compared.match(/\d+/g) ?? []).filter((digits) => !Number.isSafeInteger(Number(digits)));
}

const findingsByContract = new Memo<Contract, RuleFinding[]>();
