import { useState } from 'react';
import {
  fieldRemovalEdits,
  logicalTypeEdits,
  logicalTypeOptionsFor,
  type PathSegment,
  primaryKeyEdits,
  suggestValues,
} from '../../../shared/contracts';
import { formatPath } from '../../../shared/model';
import { type OdcsValue, useContractForm, valueAt } from './form-context';
import { Field, FieldMessages, type FieldSpec, ObjectFields, ObjectList } from './form-fields';
import { QualityRules, Relationships, Section, uniqueName } from './form-sections';
import { CUSTOM_PROPERTY, ENUM_VALUE, PROPERTY_DETAILS, SEMANTIC_TYPE, TRANSFORM } from './odcs-form-specs';
import { WINDOWED_FROM_FIELDS, WindowedRows } from './windowed-rows';

const PROPERTY_SCHEMA_PATH = ['schema', '[]', 'properties', '[]'];
type Flag = 'required' | 'unique' | 'primaryKey';
const FLAGS: { key: Flag; label: string; title: string }[] = [
  { key: 'required', label: 'Req.', title: 'Required (not null)' },
  { key: 'unique', label: 'Unique', title: 'Unique' },
  { key: 'primaryKey', label: 'PK', title: 'Primary key' },
];

/**
 * The fields of a schema object, or those nested in an object field or an array's items, as a
 * table; each row opens a panel with everything ODCS says about the field.
 */
export function SchemaFieldsTable({ propertiesPath }: { propertiesPath: readonly PathSegment[] }) {
  const form = useContractForm();
  const [openIndex, setOpenIndex] = useState<number | null>(null);
  const properties = valueAt(form.document, propertiesPath);
  const list = Array.isArray(properties) ? (properties as OdcsValue[]) : [];
  const logicalTypes = suggestValues(PROPERTY_SCHEMA_PATH, 'logicalType', form.apiVersion);
  const holderName = fieldsHolderName(form.document, propertiesPath);
  const row = (index: number, measure?: (element: HTMLElement | null) => void) => (
    <SchemaFieldRow
      // Keyed by position: fields are edited in place, and renaming one must keep its focus.
      key={index}
      index={index}
      path={[...propertiesPath, index]}
      property={list[index]}
      siblings={list}
      logicalTypes={logicalTypes}
      isOpen={openIndex === index}
      setOpenIndex={setOpenIndex}
      measure={measure}
    />
  );
  return (
    <table className="schema-form__table" aria-label={`Fields of ${holderName}`}>
      <thead>
        <tr>
          <th>Field</th>
          <th>Type</th>
          {FLAGS.map((flag) => (
            <th key={flag.key} title={flag.title}>
              {flag.label}
            </th>
          ))}
          <th>
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      {list.length < WINDOWED_FROM_FIELDS ? (
        list.map((_, index) => row(index))
      ) : (
        <WindowedRows count={list.length} row={row} />
      )}
      <tfoot>
        <tr>
          <td colSpan={6}>
            <button
              type="button"
              onClick={() =>
                form.edit([
                  {
                    op: 'insert',
                    path: [...propertiesPath, list.length],
                    value: { name: uniqueName('new_field', list), logicalType: 'string' },
                  },
                ])
              }
            >
              Add field
            </button>
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

/** What holds the fields, as the Preview and the Diagram name it: `guests`, `guests.preferences`, `guests.stays[]`. */
function fieldsHolderName(document: OdcsValue, propertiesPath: readonly PathSegment[]): string {
  const holderPath = propertiesPath.slice(0, -1);
  const names: string[] = [];
  holderPath.forEach((segment, at) => {
    if (typeof segment === 'number')
      names.push(String(valueAt(document, [...holderPath.slice(0, at + 1), 'name']) ?? ''));
    else if (segment === 'items') names.push(`${names.pop() ?? ''}[]`);
  });
  return names.join('.');
}

function SchemaFieldRow({
  index,
  path,
  property,
  siblings,
  logicalTypes,
  isOpen,
  setOpenIndex,
  measure,
}: {
  index: number;
  path: readonly PathSegment[];
  property: OdcsValue | undefined;
  siblings: readonly OdcsValue[];
  logicalTypes: readonly string[];
  isOpen: boolean;
  setOpenIndex: (index: number | null) => void;
  measure?: ((element: HTMLElement | null) => void) | undefined;
}) {
  const form = useContractForm();
  const name = String(property?.name ?? '');
  const rowPrefix = formatPath(path);
  const rowProblems = [...form.findingsByPath.keys()].filter((key) => isAtOrUnder(key, rowPrefix)).length;
  return (
    <tbody ref={measure} data-index={index} className={isOpen ? 'schema-field schema-field--open' : 'schema-field'}>
      <tr>
        <td>
          <input
            aria-label="Field name"
            value={name}
            onChange={(event) =>
              form.edit([{ op: 'set', path: [...path, 'name'], value: event.target.value }], [...path, 'name'])
            }
          />
        </td>
        <td>
          <select
            aria-label={`${name} type`}
            value={String(property?.logicalType ?? '')}
            onChange={(event) => form.edit(logicalTypeEdits(property, path, event.target.value))}
          >
            {property?.logicalType === undefined && <option value="">(none)</option>}
            {logicalTypes.map((type) => (
              <option key={type}>{type}</option>
            ))}
          </select>
        </td>
        {FLAGS.map((flag) => (
          <td key={flag.key}>
            <input
              type="checkbox"
              aria-label={`${name} ${flag.key}`}
              checked={property?.[flag.key] === true}
              onChange={(event) =>
                form.edit(
                  flag.key === 'primaryKey'
                    ? primaryKeyEdits(siblings, path.slice(0, -1), index, event.target.checked)
                    : [{ op: 'set', path: [...path, flag.key], value: event.target.checked }],
                )
              }
            />
          </td>
        ))}
        <td className="schema-field__actions">
          <button
            type="button"
            aria-expanded={isOpen}
            aria-label={`Details of ${name}`}
            className={rowProblems > 0 ? 'has-problems' : undefined}
            onClick={() => setOpenIndex(isOpen ? null : index)}
          >
            {isOpen ? '▾' : '▸'}
            {rowProblems > 0 && <span className="visually-hidden"> has problems</span>}
          </button>
          <button
            type="button"
            aria-label={`Remove ${name}`}
            onClick={() => {
              setOpenIndex(null);
              form.edit(fieldRemovalEdits(siblings, path.slice(0, -1), index));
            }}
          >
            ×
          </button>
        </td>
      </tr>
      <MessagesRow path={path} />
      {[...FIELD_ROW_PATHS].map((key) => (
        <MessagesRow key={key} path={[...path, key]} />
      ))}
      {isOpen && (
        <tr>
          <td colSpan={6}>
            <FieldPanel path={path} />
          </td>
        </tr>
      )}
    </tbody>
  );
}

/** `schema[0].properties[1]` is at or under itself, not under `schema[0].properties[10]`. */
function isAtOrUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}

/** What the table's own inputs edit: their findings, and the field's own (a missing key), show under the row. */
const FIELD_ROW_PATHS = new Set(['name', 'logicalType', 'required', 'unique', 'primaryKey']);

function MessagesRow({ path }: { path: readonly PathSegment[] }) {
  const form = useContractForm();
  if (!form.findingsByPath.has(formatPath(path))) return null;
  return (
    <tr className="schema-field__messages">
      <td colSpan={6}>
        <FieldMessages path={path} />
      </td>
    </tr>
  );
}

/** Everything about one field: description, types and their options, examples, values, quality, relationships, lineage. */
function FieldPanel({ path }: { path: readonly PathSegment[] }) {
  const form = useContractForm();
  const logicalType = String(valueAt(form.document, [...path, 'logicalType']) ?? '');
  const optionSpecs: FieldSpec[] = logicalTypeOptionsFor(logicalType, form.apiVersion).map((option) => ({
    key: option.key,
    label: option.key,
    kind:
      option.valueType === 'integer' || option.valueType === 'number'
        ? 'number'
        : option.valueType === 'boolean'
          ? 'boolean'
          : option.valueType === 'array'
            ? 'list'
            : 'text',
    ...(option.description !== undefined && { hint: option.description.split('. ')[0] }),
  }));
  const hasNativeEnum = form.apiVersion === 'v3.2.0';
  return (
    <section className="field-panel" aria-label="Field details">
      <ObjectFields path={path} specs={hasNativeEnum ? [...PROPERTY_DETAILS, SEMANTIC_TYPE] : PROPERTY_DETAILS} />
      {logicalType === 'map' && <MapTypes path={path} />}
      {(logicalType === 'object' || Array.isArray(valueAt(form.document, [...path, 'properties']))) && (
        <Section title="Nested fields" path={[...path, 'properties']} isOpen>
          <SchemaFieldsTable propertiesPath={[...path, 'properties']} />
        </Section>
      )}
      {logicalType === 'array' && <ArrayItems path={path} />}
      {optionSpecs.length > 0 && (
        <Section title={`${logicalType} options`} path={[...path, 'logicalTypeOptions']} isOpen>
          <ObjectFields path={[...path, 'logicalTypeOptions']} specs={optionSpecs} />
        </Section>
      )}
      <Section title="Allowed values" path={[...path, 'enum']}>
        {hasNativeEnum ? (
          <ObjectList
            path={[...path, 'enum']}
            noun="value"
            specs={ENUM_VALUE}
            newItem={() => ({ value: 'new_value' })}
            titleOf={(entry, index) => String(entry.value ?? `value ${index + 1}`)}
          />
        ) : (
          <p className="form-field__hint">
            Before ODCS 3.2, allowed values are an <code>invalidValues</code> quality rule with{' '}
            <code>arguments.validValues</code>; add one under Quality rules, or upgrade the contract to v3.2.0.
          </p>
        )}
      </Section>
      <Section title="Quality rules" path={[...path, 'quality']}>
        <QualityRules path={[...path, 'quality']} />
      </Section>
      <Section title="Relationships" path={[...path, 'relationships']}>
        <Relationships path={[...path, 'relationships']} />
      </Section>
      <Section title="Transform" path={[...path, 'transformLogic']}>
        <ObjectFields path={path} specs={TRANSFORM} />
      </Section>
      <Section title="Custom properties" path={[...path, 'customProperties']}>
        <ObjectList
          path={[...path, 'customProperties']}
          noun="custom property"
          specs={CUSTOM_PROPERTY}
          newItem={() => ({ property: 'newProperty', value: '' })}
          titleOf={(entry, index) => String(entry.property ?? `property ${index + 1}`)}
        />
      </Section>
      <Field
        path={path}
        spec={{ key: 'id', label: 'Stable id', kind: 'text', hint: 'for relationships and lineage' }}
      />
    </section>
  );
}

/** What an array holds: its items' type and, as a field of their own, everything else about them (an object's fields). */
function ArrayItems({ path }: { path: readonly PathSegment[] }) {
  const form = useContractForm();
  const choices = suggestValues(PROPERTY_SCHEMA_PATH, 'logicalType', form.apiVersion);
  const itemsPath = [...path, 'items'];
  return (
    <Section title="Items" path={itemsPath} isOpen>
      <Field path={itemsPath} spec={{ key: 'logicalType', label: 'Item type', kind: 'choice', choices }} />
      {valueAt(form.document, itemsPath) !== undefined && <FieldPanel path={itemsPath} />}
    </Section>
  );
}

/** The logical types of a map's keys and values: what makes a `logicalType: map` valid. */
function MapTypes({ path }: { path: readonly PathSegment[] }) {
  const form = useContractForm();
  const choices = suggestValues(PROPERTY_SCHEMA_PATH, 'logicalType', form.apiVersion);
  return (
    <Section title="Map keys and values" path={[...path, 'map']} isOpen>
      <Field
        path={[...path, 'map', 'key']}
        spec={{ key: 'logicalType', label: 'Key type', kind: 'choice', isRequired: true, choices }}
      />
      <Field
        path={[...path, 'map', 'value']}
        spec={{ key: 'logicalType', label: 'Value type', kind: 'choice', isRequired: true, choices }}
      />
    </Section>
  );
}
