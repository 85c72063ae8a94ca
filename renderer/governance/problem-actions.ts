import type { Fix } from '../../shared/validation/finding';
import { applyFix, isContractFix } from '../../shared/validation/fixes';
import { fixContract } from '../contracts/contract-actions';
import { changeMesh } from '../store/document-store';

/** Applies a problem's one-click fix as one undo step; a contract's in its text as the editors show it. */
export function fixProblem(fix: Fix): void {
  if (isContractFix(fix)) fixContract(fix);
  else changeMesh((mesh) => applyFix(mesh, fix));
}
