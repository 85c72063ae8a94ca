import { beforeEach, describe, expect, it } from 'vitest';
import { applyContractText } from '../../../renderer/contracts/contract-actions';
import { contractTextOf, useContractDrafts } from '../../../renderer/contracts/contract-drafts';
import { fixProblem } from '../../../renderer/governance/problem-actions';
import { useNoticeStore } from '../../../renderer/store/notice-store';
import type { Fix } from '../../../shared/validation/finding';
import { documentNow, expectOneUndoableStep, openDocument } from '../store/store-fixture';
import { aGovernedMesh } from '../validation/governed-mesh';

const COUNTS = 'country-counts';

const CLASSIFY_CUSTOMERS: Fix = {
  kind: 'classify-field',
  contractId: COUNTS,
  object: 'country_counts',
  field: 'customers',
  classification: 'pii',
};

/** Country counts' text with a field typed above `customers`, its type misspelt: text with a problem, never applied. */
function typedWithATypo(): string {
  const saved = contractTextOf(COUNTS) ?? '';
  const typed = saved.replace(
    '      - name: customers\n',
    '      - name: region\n        logicalType: strng\n      - name: customers\n',
  );
  expect(applyContractText(COUNTS, typed).ok).toBe(false);
  return typed;
}

describe('a one-click fix from the Problems panel', () => {
  beforeEach(() => {
    openDocument(aGovernedMesh());
    useContractDrafts.setState({ textById: {} });
    useNoticeStore.getState().dismiss();
  });

  it("bumps the version in the contract's text as typed, keeping what was typed and not yet applied", () => {
    const saved = contractTextOf(COUNTS);
    const typed = typedWithATypo();

    fixProblem({ kind: 'set-contract-version', contractId: COUNTS, version: '2.0.0' });

    expect(contractTextOf(COUNTS)).toBe(typed.replace('version: 1.0.0', 'version: 2.0.0'));
    expect(documentNow().contracts[1]?.odcs).toBe(saved);
    expect(useNoticeStore.getState().notice?.text).toBe(
      `"Bump to 2.0.0" made in the text of 'Country counts', which still has problems: the design keeps its last valid version until they are fixed.`,
    );
  });

  it("classifies the field it names in the contract's text as typed, wherever typing moved it", () => {
    const typed = typedWithATypo();

    fixProblem(CLASSIFY_CUSTOMERS);

    expect(contractTextOf(COUNTS)).toBe(
      typed.replace(
        '      - name: customers\n        logicalType: integer\n',
        (field) => `${field}        classification: pii\n`,
      ),
    );
  });

  it('says so, and changes nothing, when the field it classifies is no longer in the text as typed', () => {
    const typed = typedWithATypo().replace('- name: customers', '- name: customer_count');

    applyContractText(COUNTS, typed);
    fixProblem(CLASSIFY_CUSTOMERS);

    expect(contractTextOf(COUNTS)).toBe(typed);
    expect(useNoticeStore.getState().notice?.text).toBe(
      `"Classify customers as pii": the text of 'Country counts' no longer has what it repairs.`,
    );
  });

  it('bumps a contract without such text in the design, as one undo step', () => {
    const { after } = expectOneUndoableStep(() =>
      fixProblem({ kind: 'set-contract-version', contractId: COUNTS, version: '2.0.0' }),
    );
    expect(after.contracts[1]?.version).toBe('2.0.0');
  });
});
