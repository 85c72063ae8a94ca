import { quoted } from '../model/isolated-names';
import type { Dataset } from './dataset';
import { type CdcFormat, fieldsByColumn } from './log-format';
import { DOCUMENT_ID, recordShape } from './record-shape';

/** The columns a change record's image lacks of those its consumer's clean table expects, and the fields it has instead. */
export interface LackedColumns {
  lacked: string[];
  /** Fields of the image the clean table does not expect (a column renamed at the source), in image order. */
  unexpected: string[];
}

/**
 * What a CDC record lacks of the clean table's columns (other than the key, which its record key
 * carries): only a record whose images the source names otherwise (`_renamed_images`, after a
 * `rename-column` fault) can; the others carry every column of the table. Undefined when it lacks none.
 */
export function lackedColumns(
  dataset: Dataset,
  format: CdcFormat,
  op: unknown,
  renamedImages: unknown,
): LackedColumns | undefined {
  if (typeof renamedImages !== 'string') return undefined;
  const images = JSON.parse(renamedImages) as { before?: unknown; after?: unknown };
  const image = op === 'd' ? images.before : images.after;
  // A MongoDB record's document is the text of extended JSON.
  const fields =
    typeof image === 'string' && recordShape(format.source.connector) === 'document' ? JSON.parse(image) : image;
  if (typeof fields !== 'object' || fields === null) return undefined;
  const has = new Set(Object.keys(fieldsByColumn(format, fields)));
  const expected = dataset.columns.map((column) => column.name).filter((name) => !dataset.key.includes(name));
  const lacked = expected.filter((name) => name !== DOCUMENT_ID && !has.has(name));
  if (lacked.length === 0) return undefined;
  const known = new Set(dataset.columns.map((column) => column.name));
  return { lacked, unexpected: [...has].filter((name) => name !== DOCUMENT_ID && !known.has(name)) };
}

/** How a record lacked a column, as `'status' (the source's image has 'booking_status')`. */
export function lackedColumnText(column: string, unexpected: readonly string[]): string {
  const instead = unexpected.length === 0 ? 'no such field' : unexpected.map(quoted).join(', ');
  return `${quoted(column)} (the source's image has ${instead})`;
}
