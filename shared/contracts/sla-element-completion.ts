import { parseDocument } from 'yaml';
import { completedValueColumns, type ValueColumns } from './completed-value-range';
import { schemaFieldsOf, schemaObjectNodes, typeDetail } from './schema-object-nodes';
import { yamlCursorPath } from './yaml-cursor-path';

/** An element to offer: a schema object, or a field with its type (`integer · bigint`) as its detail. */
export interface SlaElementChoice {
  element: string;
  detail?: string;
}

/** The elements to offer, and the columns (1-based, end exclusive) of the element one taken replaces. */
export interface SlaElementCompletion extends ValueColumns {
  elements: SlaElementChoice[];
}

/** One element of an SLA's comma-separated `element`, at the columns it is written on, without spaces or quotes. */
interface WrittenElement extends ValueColumns {
  element: string;
  /** From after the comma before it to its own comma: the columns in which the cursor is on it. */
  slot: ValueColumns;
}

/**
 * The elements to offer for an SLA's `element` (ODCS: the schema object or `table.column` the SLA
 * applies to, several separated by commas) at the cursor: each schema object's name, then its fields
 * in the shorthand (those it cannot write, `step count`, left out) with their types, but those the
 * list names already.
 * Taking one replaces the element the cursor is on only, from the comma before it to the one after.
 */
export function completeSlaElements(text: string, line: number, column: number): SlaElementCompletion {
  const nothing = { elements: [], startColumn: column, endColumn: column };
  const cursor = yamlCursorPath(text, line, column);
  if (!cursor.isInValue || cursor.key !== 'element' || cursor.parentPath.join('.') !== 'slaProperties.[]') {
    return nothing;
  }
  const lineText = text.split(/\r?\n/)[line - 1] ?? '';
  const written = writtenElements(lineText, completedValueColumns(lineText, column, cursor.isInFlow));
  const current = written.find(({ slot }) => slot.startColumn <= column && column <= slot.endColumn);
  if (!current) return nothing;
  // The element under the cursor is the one being written, so it stays on offer.
  const taken = written.filter((each) => each !== current).map(({ element }) => element);
  const offered = schemaObjectNodes(parseDocument(text, { prettyErrors: false })).flatMap(
    (node): SlaElementChoice[] => {
      const name = node.object.get('name');
      const object = typeof name === 'string' && name !== '' && !name.includes(',') ? [{ element: name }] : [];
      const fields = schemaFieldsOf([node]).map(({ reference, property }) => ({
        element: reference,
        detail: typeDetail(property),
      }));
      return [...object, ...fields];
    },
  );
  // A name written twice (two objects `orders`) is offered once, as first written.
  const firstOfEach = offered.filter(
    (choice, index) => offered.findIndex((other) => other.element === choice.element) === index,
  );
  return {
    elements: firstOfEach.filter(({ element }) => !taken.includes(element)),
    // The range holds the cursor, which may stand in the spaces around the element.
    startColumn: Math.min(current.startColumn, column),
    endColumn: Math.max(current.endColumn, column),
  };
}

/** The elements of the value written at `value`'s columns, split at its commas. */
function writtenElements(lineText: string, value: ValueColumns): WrittenElement[] {
  const elements: WrittenElement[] = [];
  let slotStart = value.startColumn;
  for (const part of lineText.slice(value.startColumn - 1, value.endColumn - 1).split(',')) {
    const leading = /^[\s"']*/.exec(part)?.[0].length ?? 0;
    const element = part.slice(leading).replace(/[\s"']*$/, '');
    const startColumn = slotStart + leading;
    elements.push({
      element,
      startColumn,
      endColumn: startColumn + element.length,
      slot: { startColumn: slotStart, endColumn: slotStart + part.length },
    });
    slotStart += part.length + 1;
  }
  return elements;
}
