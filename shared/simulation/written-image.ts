import { DOCUMENT_ID } from './record-shape';

/**
 * A change record's row image with its fields named as the service's table names its columns:
 * after a `rename-column` fault the record calls a column by its new name, but the service
 * still wrote the old one. The record keeps the table's column order, so each field no column
 * is called takes, in order, the name of a column the image lacks; an image where they do not
 * pair up one to one is kept as it is.
 */
export function writtenImage(image: Record<string, unknown>, columns: readonly string[]): Record<string, unknown> {
  const unknownFields = Object.keys(image).filter((field) => field !== DOCUMENT_ID && !columns.includes(field));
  const missingColumns = columns.filter((column) => !(column in image));
  if (unknownFields.length === 0 || unknownFields.length !== missingColumns.length) return image;
  const columnOf = new Map(unknownFields.map((field, index) => [field, missingColumns[index] ?? field]));
  return Object.fromEntries(Object.entries(image).map(([field, value]) => [columnOf.get(field) ?? field, value]));
}
