import { beforeEach, describe, expect, it } from 'vitest';
import { applyContractText } from '../../../renderer/contracts/contract-actions';
import { contractTextOf, useContractDrafts } from '../../../renderer/contracts/contract-drafts';
import { checkContractYaml } from '../../../shared/contracts/semantic-checks';
import { aMesh } from '../../builders/mesh-builder';
import { documentNow, openDocument } from './store-fixture';

const idLineOf = (text: string) => text.split('\n').findIndex((line) => line.startsWith('id:')) + 1;

describe('an edit of a contract that changes its id', () => {
  beforeEach(() => {
    openDocument(aMesh().withContract('orders-v1').build());
    useContractDrafts.setState({ textById: {} });
  });

  it('is refused with the reason at the id line, and the editors count that same problem', () => {
    const saved = contractTextOf('orders-v1') ?? '';
    const edited = saved.replace('id: orders-v1', 'id: orders-v1-v2');
    const idLine = idLineOf(edited);

    const applied = applyContractText('orders-v1', edited);

    expect(applied.ok).toBe(false);
    const reason = {
      path: 'id',
      message: "the id must stay 'orders-v1': other parts of the design refer to it",
      line: idLine,
    };
    expect(applied.ok ? [] : applied.errors).toEqual([expect.objectContaining(reason)]);
    expect(documentNow().contracts[0]?.odcs).toBe(saved);
    const errors = checkContractYaml(contractTextOf('orders-v1') ?? '', 'orders-v1').filter(
      (finding) => finding.severity === 'error',
    );
    expect(errors).toEqual([expect.objectContaining({ ...reason, severity: 'error' })]);
  });

  it('is no problem for a text read on its own, without a contract it edits', () => {
    const edited = (contractTextOf('orders-v1') ?? '').replace('id: orders-v1', 'id: orders-v1-v2');
    expect(checkContractYaml(edited).filter((finding) => finding.severity === 'error')).toEqual([]);
  });
});
