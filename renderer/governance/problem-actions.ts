import type { Fix } from '../../shared/validation/finding';
import { applyFix, describeFixMade, isContractFix } from '../../shared/validation/fixes';
import { fixContract } from '../contracts/contract-actions';
import { changeMesh } from '../store/document-store';
import { withEditAnnounced } from '../store/notice-store';

/**
 * Applies a problem's one-click fix as one undo step, a contract's in its text as the editors
 * show it, and says what it did with Undo (a fix that changed nothing says why itself).
 */
export function fixProblem(fix: Fix): void {
  withEditAnnounced(
    () => (isContractFix(fix) ? fixContract(fix) : changeMesh((mesh) => applyFix(mesh, fix))),
    (before, after) => describeFixMade(before, after, fix),
  );
}

/**
 * Once a fix has taken its row away, gives the keyboard to the fix of the problem that took its
 * place (the next one), else to the panel: never to the page, where the user would start over.
 */
export function focusNextFixAfter(fixButton: HTMLElement): void {
  const panel = fixButton.closest<HTMLElement>('.problems-panel');
  if (!panel) return;
  const fixButtons = () => [...panel.querySelectorAll<HTMLElement>('.problem-row__fix')];
  const index = fixButtons().indexOf(fixButton);
  requestAnimationFrame(() => {
    if (fixButton.isConnected || !panel.isConnected) return;
    (fixButtons()[index] ?? panel).focus();
  });
}
