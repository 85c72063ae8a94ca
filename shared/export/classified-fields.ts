import { keepsClassification } from '../contracts/classification-strictness';
import { fieldsAtEveryDepth } from '../contracts/nested-fields';
import type { Contract } from '../model/contract';

/*
 * The classifications a contract gives its fields, for the formats that carry them beside the
 * data (catalog entities, the bundle's index.md) rather than in the contract's own text.
 */

/** A classified field: `object.property` (`object.address.street`, `object.tags[]` when nested) and its classification as written. */
export interface ClassifiedField {
  field: string;
  classification: string;
}

export function classifiedFields(contract: Contract): ClassifiedField[] {
  return contract.schema.flatMap((object) =>
    fieldsAtEveryDepth(object.properties).flatMap(({ path, property: { classification } }) =>
      classification?.trim() ? [{ field: `${object.name}.${path}`, classification: classification.trim() }] : [],
    ),
  );
}

/**
 * The classifications no other one among them keeps more strictly, as `levels` rank them, each
 * once (ignoring capitals): `restricted` of `internal` and `restricted`; both of `restricted` and
 * `pii`, which no ranking orders.
 */
export function strictestClassifications(classifications: readonly string[], levels: readonly string[]): string[] {
  const distinct = [
    ...new Map(classifications.map((classification) => [classification.toLowerCase(), classification])).values(),
  ];
  const isStricter = (stricter: string, than: string) =>
    keepsClassification(than, stricter, levels) && !keepsClassification(stricter, than, levels);
  return distinct.filter((classification) => !distinct.some((other) => isStricter(other, classification)));
}
