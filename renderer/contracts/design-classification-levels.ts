import { classificationLevelsOf } from '../../shared/model/policies';
import { currentMesh } from '../store/document-store';

/** The classification words the open design knows, for the contract checks; undefined with no design open. */
export function designClassificationLevels(): readonly string[] | undefined {
  const mesh = currentMesh();
  return mesh ? classificationLevelsOf(mesh.policies) : undefined;
}
