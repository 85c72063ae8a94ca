import { isScalar, parse, parseDocument } from 'yaml';
import type { ContractProperty } from '../model/contract';
import type { LogicalType } from '../model/logical-type';
import { withIndefiniteArticle } from '../model/word-list';
import type { FindingSeverity } from './finding';
import { allowedValueDocumentPath } from './odcs-document';
import type { PathProblem, PathSegment } from './path-problem';

/*
 * A property's allowed values are values of its type: text for strings, dates and times, numbers
 * for integers and numbers, true and false for booleans. A value of another type matches no
 * record (a string field never holds the number 755): the exported JSON Schema leaves it out,
 * and the contract check says so, with how YAML read what was written.
 */

type ValueType = 'string' | 'number' | 'boolean';

const VALUE_TYPES: Partial<Record<LogicalType, ValueType>> = {
  string: 'string',
  date: 'string',
  timestamp: 'string',
  time: 'string',
  number: 'number',
  integer: 'number',
  boolean: 'boolean',
};

/** The type of the values a property of this logical type holds; none for objects, arrays, maps and untyped properties. */
export function allowedValueType(type: LogicalType | undefined): ValueType | undefined {
  return type === undefined ? undefined : VALUE_TYPES[type];
}

/** A property at `path` (the property's), named as findings name it (`tags[]` for an array's items). */
interface PlacedField {
  property: ContractProperty;
  path: readonly PathSegment[];
  fieldName: string;
}

interface AllowedValueIssue extends PathProblem {
  severity: FindingSeverity;
  hint: string;
  /** Where the value is in the ODCS document, which the model path does not say: `validValues[2]` of a rule, `enum[2].value`. */
  documentPath?: PathSegment[];
}

/**
 * Each allowed value of another type than the property's, at `path` (the property's), a warning;
 * errors when none is of its type, as then no record can keep the contract. `odcsText` is the
 * contract's YAML, which says how a value was written (`0755` for 755).
 */
export function allowedValueTypeIssues(field: PlacedField, odcsText: string): AllowedValueIssue[] {
  const { property, path } = field;
  const values = property.enum ?? [];
  return misfitIssues(field, values, odcsText, {
    noun: 'allowed value',
    consequence: 'so no record can match it',
    purpose: 'to allow that text',
    hint: 'Quote text, and write numbers and true or false without quotes: an allowed value matches only values of its type.',
    severity: (misfits) => (misfits === values.length ? 'error' : 'warning'),
    at: (index, document) => ({
      path: [...path, 'enum', index],
      documentPath: document === undefined ? undefined : allowedValueDocumentPath(path, index, document),
    }),
  });
}

/**
 * Each example of another type than the property's, a warning: readers of the contract and the
 * simulation's sample values take examples as values records hold (`0x1F` is the number 31).
 */
export function exampleTypeIssues(field: PlacedField, odcsText: string): AllowedValueIssue[] {
  const { property, path } = field;
  const values = (property.examples ?? []).filter(isScalarValue);
  return misfitIssues(field, values, odcsText, {
    noun: 'example',
    consequence: 'so it shows a value no record holds',
    purpose: 'to keep that text',
    hint: 'Quote text, and write numbers and true or false without quotes: an example is a value the field holds.',
    severity: () => 'warning',
    at: (index) => ({ path: [...path, 'examples', index], documentPath: [...path, 'examples', index] }),
  });
}

function isScalarValue(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

interface MisfitWording {
  noun: string;
  consequence: string;
  /** Why to quote a text: `to allow that text`. */
  purpose: string;
  hint: string;
  severity: (misfits: number) => FindingSeverity;
  at: (index: number, document: unknown) => { path: PathSegment[]; documentPath: PathSegment[] | undefined };
}

function misfitIssues(
  { property, fieldName }: PlacedField,
  values: readonly unknown[],
  odcsText: string,
  wording: MisfitWording,
): AllowedValueIssue[] {
  const valueType = allowedValueType(property.logicalType);
  if (valueType === undefined) return [];
  const misfits = values.flatMap((value, index) => (typeof value === valueType ? [] : [{ value, index }]));
  if (misfits.length === 0) return [];
  const severity = wording.severity(misfits.length);
  const document = documentOf(odcsText);
  return misfits.map(({ value, index }) => {
    const { path, documentPath } = wording.at(index, document?.value);
    const written = document && documentPath && plainScalarText(document.node(documentPath));
    const fact = `${wording.noun} ${shown(value)} of ${fieldName} is ${withIndefiniteArticle(typeof value)}, the field is ${withIndefiniteArticle(String(property.logicalType))}, ${wording.consequence}`;
    return {
      path,
      ...(documentPath && { documentPath }),
      message: `${fact}; ${advice(value, valueType, written, wording.purpose)}`,
      severity,
      hint: wording.hint,
    };
  });
}

const JSON_NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$/;
const BOOLEAN = /^(true|false)$/;

/** What to write instead: the text quoted, a number or boolean without its quotes, or another value. */
function advice(value: unknown, valueType: ValueType, written: string | undefined, purpose: string): string {
  if (valueType === 'string') {
    const text = written ?? String(value);
    const hasLeadingZero = /^[-+]?0[0-9]/.test(text);
    const quoting = `quote it ('${text}') ${hasLeadingZero ? 'if the leading zero matters' : purpose}`;
    return text === String(value) ? quoting : `${quoting}: ${unquotedReadings(text, hasLeadingZero)}`;
  }
  const isWrittenAsOne = typeof value === 'string' && (valueType === 'number' ? JSON_NUMBER : BOOLEAN).test(value);
  if (isWrittenAsOne) return `write it without quotes (${value})`;
  return valueType === 'boolean' ? 'write true or false' : 'write a number, or make the field a string';
}

/** How YAML 1.2 and 1.1 readers take an unquoted scalar where they differ: `0755` is 755 to one, the octal 493 to the other. */
function unquotedReadings(text: string, hasLeadingZero: boolean): string {
  const [decimal, octal] = hasLeadingZero ? ['the decimal ', 'the octal '] : ['', ''];
  const yaml12 = parse(text);
  const yaml11 = parse(text, { version: '1.1' });
  const older = yaml11 === yaml12 ? '' : ` and YAML 1.1 as ${octal}${shown(yaml11)}`;
  return `unquoted, YAML 1.2 reads ${text} as ${decimal}${shown(yaml12)}${older}`;
}

/** The contract's YAML as a value and as nodes, which keep how each scalar was written; none when it does not parse. */
function documentOf(odcsText: string): { value: unknown; node: (path: readonly PathSegment[]) => unknown } | undefined {
  const document = parseDocument(odcsText, { merge: true });
  if (document.errors.length > 0) return undefined;
  return { value: document.toJS({ maxAliasCount: 100 }), node: (path) => document.getIn(path, true) };
}

/** The source text of an unquoted scalar (`0755`), which a quoted one does not need. */
function plainScalarText(node: unknown): string | undefined {
  return isScalar(node) && node.type === 'PLAIN' && typeof node.source === 'string' ? node.source : undefined;
}

function shown(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}
