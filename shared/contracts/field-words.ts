import { isJsonObject } from './odcs-document';
import { type ConstraintWords, describeTypeOptions } from './type-option-words';

type OdcsValue = Record<string, unknown>;

/** One part of what values a field takes, said on a line of its own: `each item: at least 2 characters`. */
export interface FieldConstraintPart {
  part: 'values' | 'options' | 'items' | 'key' | 'value';
  label?: string;
  constraints: ConstraintWords[];
}

/** A field's type as a reader takes it in: its logical type, a v3.2.0 map's as `map of string → number`. */
export function fieldTypeWords(property: OdcsValue): string {
  const type = textOf(property.logicalType) ?? '';
  if (type !== 'map') return type;
  const { key, value } = mapPartsOf(property);
  const partType = (part: OdcsValue | undefined) => textOf(part?.logicalType) ?? 'untyped';
  return `map of ${partType(key)} → ${partType(value)}`;
}

/** What values a field takes: its allowed values, its type's options, and those of an array's items or a map's key and values. */
export function fieldConstraintWords(property: OdcsValue): FieldConstraintPart[] {
  const values = allowedValueWords(property);
  const items = isJsonObject(property.items) ? property.items : {};
  const { key = {}, value = {} } = mapPartsOf(property);
  const parts: FieldConstraintPart[] = [
    { part: 'values', constraints: values.length > 0 ? [{ words: `one of: ${values.join(', ')}` }] : [] },
    { part: 'options', constraints: optionWords(property) },
    { part: 'items', label: 'each item', constraints: optionWords(items) },
    { part: 'key', label: 'key', constraints: optionWords(key) },
    { part: 'value', label: 'value', constraints: optionWords(value) },
  ];
  return parts.filter((part) => part.constraints.length > 0);
}

/**
 * ODCS 3.2's `enum`, each value with what its entry says of it (`D (Delivered — Handed over)`),
 * or before it an `invalidValues` rule's `validValues`.
 */
function allowedValueWords(property: OdcsValue): string[] {
  if (Array.isArray(property.enum)) {
    return property.enum.map((entry) => {
      const { value, label, description }: OdcsValue = isJsonObject(entry) ? entry : { value: entry };
      const documentation = [label, description].filter((text) => typeof text === 'string' && text.trim() !== '');
      return documentation.length > 0 ? `${String(value)} (${documentation.join(' — ')})` : String(value);
    });
  }
  const rules = Array.isArray(property.quality) ? property.quality.filter(isJsonObject) : [];
  const rule = rules.find((candidate) => candidate.metric === 'invalidValues');
  const validValues = isJsonObject(rule?.arguments) ? rule.arguments.validValues : undefined;
  return Array.isArray(validValues) ? validValues.map(String) : [];
}

function optionWords(property: OdcsValue): ConstraintWords[] {
  return describeTypeOptions(textOf(property.logicalType), property.logicalTypeOptions);
}

function mapPartsOf(property: OdcsValue): { key?: OdcsValue; value?: OdcsValue } {
  const map = isJsonObject(property.map) ? property.map : {};
  return {
    ...(isJsonObject(map.key) && { key: map.key }),
    ...(isJsonObject(map.value) && { value: map.value }),
  };
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
