import { type ReactNode, useId, useState } from 'react';
import { type PathSegment, suggestValues, writtenKeysOf, type YamlEdit } from '../../../shared/contracts';
import { formatPath } from '../../../shared/model';
import { AlertList } from '../../app/alert-list';
import { keyedItems } from '../../app/keyed-items';
import { useContractForm, valueAt } from './form-context';
import { examplesReading, type ListItemReading, listFromInput, listInputText } from './list-input-text';
import { yamlValueFromInput, yamlValueInputText } from './yaml-value-input-text';

export type FieldKind = 'text' | 'longtext' | 'number' | 'boolean' | 'choice' | 'list' | 'yaml';

/** One input of an ODCS object: the key it edits and how. */
export interface FieldSpec {
  key: string;
  label: string;
  kind: FieldKind;
  hint?: string;
  /** Emptying it keeps an empty value (and its message) instead of removing the key. */
  isRequired?: boolean;
  /** Values offered besides those the contract's ODCS schema lists. */
  choices?: readonly string[];
  /** How a list's unquoted items read: as text (the default), as YAML values, or by the field's logicalType (its examples). */
  listItems?: ListItemReading | 'of-field-type';
  /** Keys of the same object that a value given to this one removes (a quality rule's other operator). */
  replaces?: readonly string[];
}

/** The schema path of a document path: list indexes become `[]`, as the schema guide reads them. */
export function schemaPathOf(path: readonly PathSegment[]): string[] {
  return path.map((segment) => (typeof segment === 'number' ? '[]' : segment));
}

/** A labelled input bound to `path`, with the findings about that path below it. */
export function Field({ path, spec }: { path: readonly PathSegment[]; spec: FieldSpec }) {
  const id = useId();
  const fieldPath = [...path, spec.key];
  return (
    <div className={`form-field form-field--${spec.kind}`} data-path={formatPath(fieldPath)}>
      {spec.kind === 'boolean' ? (
        <label className="form-field__check" htmlFor={id}>
          <FieldControl id={id} path={fieldPath} spec={spec} />
          {spec.label}
        </label>
      ) : (
        <>
          <label htmlFor={id}>{spec.label}</label>
          <FieldControl id={id} path={fieldPath} spec={spec} />
        </>
      )}
      {spec.hint && <span className="form-field__hint">{spec.hint}</span>}
      <FieldMessages path={fieldPath} />
    </div>
  );
}

function FieldControl({ id, path, spec }: { id: string; path: readonly PathSegment[]; spec: FieldSpec }) {
  const form = useContractForm();
  const value = valueAt(form.document, path);
  const replacedKeyEdits = (next: unknown): YamlEdit[] => {
    if (next === undefined || !spec.replaces) return [];
    const holder = valueAt(form.document, path.slice(0, -1));
    const written = typeof holder === 'object' && holder !== null ? Object.keys(holder) : [];
    return spec.replaces
      .filter((key) => written.includes(key))
      .map((key) => ({ op: 'delete' as const, path: [...path.slice(0, -1), key] }));
  };
  const set = (next: unknown) => form.edit([{ op: 'set', path, value: next }, ...replacedKeyEdits(next)], path);
  const describedBy = form.findingsByPath.has(formatPath(path)) ? `${id}-problems` : undefined;
  const common = { id, 'aria-describedby': describedBy, 'aria-invalid': describedBy !== undefined };
  switch (spec.kind) {
    case 'boolean':
      return (
        <input {...common} type="checkbox" checked={value === true} onChange={(event) => set(event.target.checked)} />
      );
    case 'number':
      return <NumberInput common={common} value={value} onChange={set} />;
    case 'choice': {
      const mapping = path.slice(0, -1);
      const besideIt = writtenKeysOf(valueAt(form.document, mapping), spec.key);
      const choices = [
        ...new Set([
          ...suggestValues(schemaPathOf(mapping), spec.key, form.apiVersion, besideIt),
          ...(spec.choices ?? []),
        ]),
      ];
      return (
        <>
          <input
            {...common}
            list={`${id}-choices`}
            value={value === undefined || value === null ? '' : String(value)}
            onChange={(event) => set(textValue(event.target.value, spec))}
          />
          <datalist id={`${id}-choices`}>
            {choices.map((choice) => (
              <option key={choice} value={choice} />
            ))}
          </datalist>
        </>
      );
    }
    case 'list':
      return (
        <ListInput
          common={common}
          value={value}
          reading={listItemReading(spec, valueAt(form.document, path.slice(0, -1)))}
          onChange={set}
        />
      );
    case 'yaml':
      return <YamlValueInput common={common} value={value} onChange={set} />;
    case 'longtext':
      return (
        <textarea
          {...common}
          rows={3}
          value={value === undefined || value === null ? '' : String(value)}
          onChange={(event) => set(textValue(event.target.value, spec))}
        />
      );
    default:
      return (
        <input
          {...common}
          value={value === undefined || value === null ? '' : String(value)}
          onChange={(event) => set(textValue(event.target.value, spec))}
        />
      );
  }
}

/** An input of one value of the form: its id and label wiring, the value, and where a change goes. */
interface ValueInputProps {
  common: { id: string };
  value: unknown;
  onChange: (value: unknown) => void;
}

/**
 * A number. What is typed stays as typed while the input has the focus: a number half typed
 * ('-', '1e') reads as '' as an empty input does, and is neither written (that would remove the
 * key) nor put back to the number the contract holds.
 */
function NumberInput({ common, value, onChange }: ValueInputProps) {
  const [typed, setTyped] = useState<string | null>(null);
  return (
    <input
      {...common}
      type="number"
      value={typed ?? (typeof value === 'number' ? value : '')}
      onChange={(event) => {
        setTyped(event.target.value);
        if (!event.target.validity.badInput)
          onChange(event.target.value === '' ? undefined : Number(event.target.value));
      }}
      onBlur={() => setTyped(null)}
    />
  );
}

/** Text for text keys; a field's examples as examplesReading says. */
function listItemReading(spec: FieldSpec, holder: unknown): ListItemReading {
  return spec.listItems === 'of-field-type' ? examplesReading(holder) : (spec.listItems ?? 'text');
}

/**
 * A list as comma-separated text (see listFromInput). What is typed stays as typed while the
 * input has the focus (its commas and spaces would otherwise go at each keystroke); the list is
 * written as it is typed, and the input shows the list as the contract holds it once left.
 */
function ListInput({ common, value, reading, onChange }: ValueInputProps & { reading: ListItemReading }) {
  const [typed, setTyped] = useState<string | null>(null);
  return (
    <input
      {...common}
      placeholder="comma, separated"
      value={typed ?? (Array.isArray(value) ? listInputText(value, reading) : '')}
      onChange={(event) => {
        setTyped(event.target.value);
        onChange(listFromInput(event.target.value, reading));
      }}
      onBlur={() => setTyped(null)}
    />
  );
}

/**
 * Any value as YAML on one line (`[a, b]`, `{ x: 1 }`, `42`). While the input has the focus only
 * text that parses is written, so a half-typed `{ validValues: [a` never replaces the value (and
 * its layout in the YAML); text that does not parse is written as a string once the input is left.
 */
function YamlValueInput({ common, value, onChange }: ValueInputProps) {
  const [typed, setTyped] = useState<string | null>(null);
  return (
    <input
      {...common}
      value={typed ?? yamlValueInputText(value)}
      onChange={(event) => {
        setTyped(event.target.value);
        const read = yamlValueFromInput(event.target.value);
        if (read.isParsed) onChange(read.value);
      }}
      onBlur={() => {
        if (typed !== null && !yamlValueFromInput(typed).isParsed) onChange(typed);
        setTyped(null);
      }}
    />
  );
}

function textValue(typed: string, spec: FieldSpec): string | undefined {
  return typed === '' && !spec.isRequired ? undefined : typed;
}

/** The findings about exactly this path, under its input. */
export function FieldMessages({ path }: { path: readonly PathSegment[] }) {
  const form = useContractForm();
  const findings = form.findingsByPath.get(formatPath(path));
  if (!findings) return null;
  return (
    <AlertList className="form-field__problems">
      {keyedItems(findings, (finding) => finding.message).map(({ key, item: finding }) => (
        <li key={key} className={`problem problem--${finding.severity}`}>
          {finding.message}
        </li>
      ))}
    </AlertList>
  );
}

export function ObjectFields({ path, specs }: { path: readonly PathSegment[]; specs: readonly FieldSpec[] }) {
  return (
    <div className="form-grid">
      {specs.map((spec) => (
        <Field key={spec.key} path={path} spec={spec} />
      ))}
    </div>
  );
}

/** A list of ODCS objects, each a card of fields, with add and remove. */
export function ObjectList({
  path,
  noun,
  specs,
  newItem,
  titleOf,
  children,
}: {
  path: readonly PathSegment[];
  noun: string;
  specs: readonly FieldSpec[];
  newItem: () => Record<string, unknown>;
  titleOf: (item: Record<string, unknown>, index: number) => string;
  children?: (itemPath: PathSegment[]) => ReactNode;
}) {
  const form = useContractForm();
  const items = valueAt(form.document, path);
  const list = Array.isArray(items) ? (items as Record<string, unknown>[]) : [];
  return (
    <div className="object-list" data-path={formatPath(path)}>
      <FieldMessages path={path} />
      {list.map((item, index) => {
        const itemPath = [...path, index];
        const title = titleOf(item ?? {}, index);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: items are edited in place; a key from their content would change as it is typed.
          <fieldset key={index} className="object-list__item">
            <legend>{title}</legend>
            <button
              type="button"
              className="object-list__remove"
              aria-label={`Remove ${noun} ${title}`}
              onClick={() => form.edit([{ op: 'delete', path: itemPath }])}
            >
              ×
            </button>
            <FieldMessages path={itemPath} />
            <ObjectFields path={itemPath} specs={specs} />
            {children?.(itemPath)}
          </fieldset>
        );
      })}
      <button
        type="button"
        onClick={() => form.edit([{ op: 'insert', path: [...path, list.length], value: newItem() }])}
      >
        Add {noun}
      </button>
    </div>
  );
}
