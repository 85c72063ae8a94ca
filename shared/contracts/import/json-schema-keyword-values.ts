import { formatPath } from '../../model/problem';
import type { PathSegment } from '../path-problem';
import type { YamlSource } from '../yaml-source';
import type { ImportNote } from './imported-schema';

/*
 * The keywords a JSON Schema import reads into a contract, checked against what the JSON Schema
 * meta-schemas (draft 4 to 2020-12) require of their values, in every subschema of the file, so
 * that a schema its validators refuse (`"minimum": "5"`) is refused where it is written, not
 * taken into a contract that breaks ODCS at a line of the contract the user never saw.
 */

const WHOLE_NUMBERS = ['minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties'];
/** Draft 4's `exclusiveMinimum` and `exclusiveMaximum` are booleans beside `minimum` and `maximum`. */
const BOUNDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'];
const TEXTS = ['pattern', 'format', 'title', 'description'];

/** Keywords holding a schema, a list of schemas, or schemas by name. */
const SCHEMA = [
  'items',
  'additionalItems',
  'additionalProperties',
  'contains',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];

/** The meta-schemas' `simpleTypes`, the same seven from draft 4 to 2020-12. */
const TYPE_NAMES = new Set(['array', 'boolean', 'integer', 'null', 'number', 'object', 'string']);
const TYPE_NAMES_LISTED = [...TYPE_NAMES].join(', ');

export function invalidKeywordValues(root: unknown, source: YamlSource): ImportNote[] {
  const problems: ImportNote[] = [];
  const report = (path: PathSegment[], keyword: string, should: string, value: unknown) => {
    problems.push({
      path: formatPath(path),
      message: `not a valid JSON Schema: ${keyword} must be ${should}, not ${JSON.stringify(value)}`,
      ...source.locate(path),
    });
  };
  const visit = (schema: unknown, path: PathSegment[]): void => {
    if (typeof schema !== 'object' || schema === null) return;
    if (Array.isArray(schema)) {
      for (const [index, member] of schema.entries()) visit(member, [...path, index]);
      return;
    }
    const keywords = schema as Record<string, unknown>;
    const at = (keyword: string) => [...path, keyword];
    for (const keyword of WHOLE_NUMBERS) {
      const value = keywords[keyword];
      if (value !== undefined && !(Number.isInteger(value) && (value as number) >= 0))
        report(at(keyword), keyword, 'a whole number of 0 or more', value);
    }
    for (const keyword of BOUNDS) {
      const value = keywords[keyword];
      if (value !== undefined && !Number.isFinite(value) && typeof value !== 'boolean')
        report(at(keyword), keyword, 'a number', value);
    }
    const { multipleOf, uniqueItems, required, enum: values } = keywords;
    if (multipleOf !== undefined && !(Number.isFinite(multipleOf) && (multipleOf as number) > 0))
      report(at('multipleOf'), 'multipleOf', 'a number above 0', multipleOf);
    if (uniqueItems !== undefined && typeof uniqueItems !== 'boolean')
      report(at('uniqueItems'), 'uniqueItems', 'true or false', uniqueItems);
    for (const keyword of TEXTS) {
      const value = keywords[keyword];
      if (value !== undefined && typeof value !== 'string') {
        report(at(keyword), keyword, keyword === 'pattern' ? 'a regular expression' : 'a text', value);
      }
    }
    if (required !== undefined && !(Array.isArray(required) && required.every((name) => typeof name === 'string')))
      report(at('required'), 'required', 'a list of property names', required);
    if (values !== undefined && !Array.isArray(values)) report(at('enum'), 'enum', 'a list of values', values);
    if (keywords.type !== undefined) checkType(keywords.type, at('type'), report);
    for (const keyword of [...SCHEMA, ...SCHEMA_LISTS]) visit(keywords[keyword], at(keyword));
    for (const keyword of SCHEMA_MAPS) {
      const schemas = keywords[keyword];
      if (typeof schemas !== 'object' || schemas === null || Array.isArray(schemas)) continue;
      for (const [name, member] of Object.entries(schemas)) visit(member, [...path, keyword, name]);
    }
  };
  visit(root, []);
  return problems;
}

/** `type` is one of the seven type names, or a list of at least one of them, each given once. */
function checkType(
  type: unknown,
  path: PathSegment[],
  report: (path: PathSegment[], keyword: string, should: string, value: unknown) => void,
): void {
  const oneOfTheTypes = `one of the JSON Schema types (${TYPE_NAMES_LISTED})`;
  if (typeof type === 'string') {
    if (!TYPE_NAMES.has(type)) report(path, 'type', oneOfTheTypes, type);
    return;
  }
  if (!Array.isArray(type) || type.length === 0) {
    report(path, 'type', `${oneOfTheTypes} or a list of at least one of them`, type);
    return;
  }
  const listed = new Set<unknown>();
  for (const [index, member] of type.entries()) {
    if (typeof member !== 'string' || !TYPE_NAMES.has(member)) report([...path, index], 'type', oneOfTheTypes, member);
    else if (listed.has(member)) report([...path, index], 'type', 'a list naming each type once', type);
    listed.add(member);
  }
}
