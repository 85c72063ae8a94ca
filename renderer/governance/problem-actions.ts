import type { Fix } from '../../shared/validation/finding';
import { applyFix } from '../../shared/validation/fixes';
import { changeMesh } from '../store/document-store';

/** Applies a problem's one-click fix as one undo step. */
export function fixProblem(fix: Fix): void {
  changeMesh((mesh) => applyFix(mesh, fix));
}
