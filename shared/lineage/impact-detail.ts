import type { ImpactedPort, ImpactedTransformation } from './impact';

/** What reaches a port, in one line: `lifetime_value ← Orders.total; rows decided by Orders.status`. */
export function portDetail(port: ImpactedPort): string {
  const fields = port.fields.map((field) =>
    field.from.length > 0 ? `${field.name} ← ${field.from.join(', ')}` : field.name,
  );
  return [...fields, ...rowsDetail(port.rowsFrom)].join('; ');
}

/** What a transformation does with the changed fields: `names total → lifetime_value; rows decided by status`. */
export function transformationDetail(step: ImpactedTransformation): string | undefined {
  const parts: string[] = [];
  if (step.outputs.length > 0) parts.push(`names ${step.fields.join(', ')} → ${step.outputs.join(', ')}`);
  else if (step.fields.length > 0 && !step.rowsFrom) parts.push(`names ${step.fields.join(', ')}`);
  parts.push(...rowsDetail(step.rowsFrom));
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/** Fields that pick rows (joins, filters, grouping) change which rows there are, not a value: said apart. */
function rowsDetail(rowsFrom: readonly string[] | undefined): string[] {
  return rowsFrom ? [`rows decided by ${rowsFrom.join(', ')}`] : [];
}
