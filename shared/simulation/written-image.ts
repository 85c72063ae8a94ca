import type { SystemTable } from '../model';
import { writtenTemporalValue } from './debezium-temporal-values';
import { fieldsByColumn, type LogFormat } from './log-format';
import type { CdcTopicPlan } from './log-plan';
import { DOCUMENT_ID } from './record-shape';

type TableColumns = SystemTable['columns'];

/**
 * A change record's row image as the service wrote it, in its table's columns. A `rename-column`
 * fault makes the record call a column by its new name; the record keeps the table's column
 * order, so each field no column is called takes, in order, the name of a column the image lacks
 * (an image where they do not pair up one to one keeps its names). A `null-field` fault puts null
 * in a NOT NULL column, which the service cannot have written: it wrote the value `before` holds.
 * Dates and timestamps are the ISO text the service wrote, not the numbers its connector made of them.
 */
export function writtenImage(
  image: Record<string, unknown>,
  topic: Pick<CdcTopicPlan, 'table' | 'log'>,
  before?: Record<string, unknown> | null,
): Record<string, unknown> {
  const { columns } = topic.table;
  const { format } = topic.log;
  const named = underColumnNames(fieldsByColumn(format, image), columns);
  const keptBefore = before ? underColumnNames(fieldsByColumn(format, before), columns) : undefined;
  const nulledByFault = columns.filter(
    (column) => !column.nullable && named[column.name] === null && keptBefore?.[column.name] != null,
  );
  const kept = Object.fromEntries(nulledByFault.map((column) => [column.name, keptBefore?.[column.name]]));
  return withWrittenTimes({ ...named, ...kept }, topic.log.format);
}

/**
 * A record's fields as tables hold them: by the design's column names, with its dates and
 * timestamps as the ISO text the service wrote; a flat record's as they are.
 */
export function withWrittenTimes(image: Record<string, unknown>, format: LogFormat): Record<string, unknown> {
  if (format.kind !== 'cdc') return image;
  const columnOf = new Map(format.columns.map((column) => [column.name, column]));
  return Object.fromEntries(
    Object.entries(fieldsByColumn(format, image)).map(([name, value]) => {
      const column = columnOf.get(name);
      return [name, column ? writtenTemporalValue(format.source.connector, column, value) : value];
    }),
  );
}

function underColumnNames(image: Record<string, unknown>, columns: TableColumns): Record<string, unknown> {
  const names = columns.map((column) => column.name);
  const unknownFields = Object.keys(image).filter((field) => field !== DOCUMENT_ID && !names.includes(field));
  const missingColumns = names.filter((name) => !(name in image));
  if (unknownFields.length === 0 || unknownFields.length !== missingColumns.length) return image;
  const columnOf = new Map(unknownFields.map((field, index) => [field, missingColumns[index] ?? field]));
  return Object.fromEntries(Object.entries(image).map(([field, value]) => [columnOf.get(field) ?? field, value]));
}
