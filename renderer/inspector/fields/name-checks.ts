import { checkElementName, checkName, type NameCheck, type NamedElement } from '../../../shared/model';
import { currentMesh } from '../../store/document-store';

export type CheckName = (candidate: string) => NameCheck;

/** A name that only has to be there (a service, a database, an event). */
export const requiredName: CheckName = (candidate) => checkName(candidate, [], '');

/** The name rules of a domain, product, system, port or topic, checked against the document as it is now. */
export function elementNameCheck(element: NamedElement): CheckName {
  return (candidate) => {
    const mesh = currentMesh();
    return mesh ? checkElementName(mesh, element, candidate) : requiredName(candidate);
  };
}

/** Unique among the other items of a list: `Another column of orders is already called 'id'`. */
export function uniqueAmong(items: readonly { name: string }[], index: number, clashSubject: string): CheckName {
  const others = items.filter((_, at) => at !== index).map((item) => item.name);
  return (candidate) => checkName(candidate, others, clashSubject);
}
