import { parse } from 'yaml';
import { allowedValueType } from '../../../shared/contracts/allowed-value-types';
import { logicalTypeOfPhysicalType } from '../../../shared/contracts/import/sql-column-types';
import type { LogicalType } from '../../../shared/model';
import { quotedText, valueInputText } from './value-input-text';

/** How a list input reads an unquoted item: always as text, or as YAML reads a scalar (`42` a number, `true` a boolean). */
export type ListItemReading = 'text' | 'yaml';

/**
 * How a field's examples read: as values of its logicalType (text for strings, dates and times);
 * without one, as values of the type its physicalType holds (`varchar(12)` text); without either,
 * as text while those written are all text (`["007", "010"]`), so a new `012` is the string its
 * neighbours are rather than the number 12.
 */
export function examplesReading(field: unknown): ListItemReading {
  const { logicalType, physicalType, examples } = (field ?? {}) as {
    logicalType?: LogicalType;
    physicalType?: unknown;
    examples?: unknown;
  };
  const valueType = allowedValueType(logicalType ?? logicalTypeOfPhysicalType(physicalType));
  if (valueType !== undefined) return valueType === 'string' ? 'text' : 'yaml';
  const isWrittenAsText =
    Array.isArray(examples) && examples.length > 0 && examples.every((item) => typeof item === 'string');
  return isWrittenAsText ? 'text' : 'yaml';
}

/**
 * The items typed in a list input, split at commas outside quotes: `"Rotterdam, NL", 7` is two
 * items. A quoted item (`"…"` or `'…'`) is always text; an unquoted one is read as `reading` says.
 */
export function listFromInput(typed: string, reading: ListItemReading): unknown[] | undefined {
  const items = splitAtCommas(typed)
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0) return undefined;
  return items.map((item) => quotedText(item) ?? readPlain(item, reading));
}

/**
 * The items as the input shows them: plain where reading them back gives the same value, quoted
 * (`"9321483"` in a list read as YAML, `"Rotterdam, NL"`) where not, so leaving the text as shown
 * changes nothing.
 */
export function listInputText(items: readonly unknown[], reading: ListItemReading): string {
  return items.map((item) => itemText(item, reading)).join(', ');
}

function itemText(item: unknown, reading: ListItemReading): string {
  // A plain comma would split the item in two.
  if (typeof item === 'string' && item.includes(',')) return JSON.stringify(item);
  return valueInputText(item, (plain) => readPlain(plain, reading));
}

function splitAtCommas(typed: string): string[] {
  const items: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (let index = 0; index < typed.length; index++) {
    const character = typed[index] as string;
    const next = typed[index + 1];
    if (quote === null && character === ',') {
      items.push(current);
      current = '';
      continue;
    }
    current += character;
    if (quote === null) {
      // A quote opens only at an item's start, so the apostrophe in `O'Brien` is a letter.
      if ((character === '"' || character === "'") && current.trim() === character) quote = character;
    } else if (quote === '"' && character === '\\' && next !== undefined) {
      current += next;
      index++;
    } else if (quote === "'" && character === "'" && next === "'") {
      current += next;
      index++;
    } else if (character === quote) quote = null;
  }
  return [...items, current];
}

function readPlain(item: string, reading: ListItemReading): unknown {
  if (reading === 'text') return item;
  try {
    const read: unknown = parse(item);
    return typeof read === 'object' && read !== null ? item : read;
  } catch {
    return item;
  }
}
