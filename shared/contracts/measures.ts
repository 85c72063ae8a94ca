import type { ContractProperty } from '../model/contract';

/*
 * ODCS 3.2 (RFC 0034) tells a property's role by `semanticType`: a `column` (the default) is a
 * physical column of the data store; a `measure` is an aggregate (`SUM(turnover_euros)`, its
 * expression in `transformLogic`) computed when the data is queried. A measure is no value a
 * record holds, so tables and record schemas leave it out.
 */

/** Whether the property is an ODCS 3.2 measure: an aggregate computed when queried, not stored. */
export function isMeasure(property: ContractProperty): boolean {
  return isMeasureSemanticType(property.extensions?.semanticType);
}

/** Whether a property's `semanticType`, as the contract writes it, makes it a measure. */
export function isMeasureSemanticType(semanticType: unknown): boolean {
  return semanticType === 'measure';
}

/** The properties a record holds, as stored columns or fields: every one but the measures. */
export function storedProperties(properties: readonly ContractProperty[]): ContractProperty[] {
  return properties.filter((property) => !isMeasure(property));
}

/** A measure's aggregation as its `transformLogic` writes it, if it writes one. */
export function measureExpression(property: ContractProperty): string | undefined {
  const logic = property.extensions?.transformLogic;
  return typeof logic === 'string' && logic.trim() !== '' ? logic.trim() : undefined;
}
