import { useId } from 'react';
import { useDocumentStore } from '../../store/document-store';
import type { OnFieldChange } from './field-change';
import { useDraft } from './use-draft';

interface NumberFieldBounds {
  label: string;
  fieldKey: string;
  min?: number;
  max?: number;
  integer?: boolean;
}

type NumberFieldProps = NumberFieldBounds &
  (
    | { value: number; isOptional?: false; onChange: OnFieldChange<number> }
    /** A number the document may leave out: an empty field leaves it out. */
    | { value: number | undefined; isOptional: true; onChange: OnFieldChange<number | undefined> }
  );

/** A number; only numbers within bounds (or, where optional, none) reach the document, so it always stays valid. */
export function NumberField(props: NumberFieldProps) {
  const { label, fieldKey, value, min, max, integer = false } = props;
  const id = useId();
  const valueText = value === undefined ? '' : String(value);
  const draft = useDraft(valueText);
  const isAllowed = (number: number) =>
    Number.isFinite(number) &&
    (!integer || Number.isInteger(number)) &&
    (min === undefined || number >= min) &&
    (max === undefined || number <= max);
  const commit = (text: string, number: number): number | undefined => {
    if (props.isOptional && text.trim() === '') return undefined;
    return isAllowed(number) ? number : value;
  };
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="number"
        className="field__input"
        value={draft.text ?? valueText}
        min={min}
        max={max}
        step={integer ? 1 : 'any'}
        data-field={fieldKey}
        onChange={(event) => {
          const committed = commit(event.target.value, event.target.valueAsNumber);
          if (committed !== value) {
            if (props.isOptional) props.onChange(committed, { coalesceKey: fieldKey });
            else if (committed !== undefined) props.onChange(committed, { coalesceKey: fieldKey });
          }
          draft.typed(event.target.value, committed === undefined ? '' : String(committed));
        }}
        onBlur={() => {
          draft.clear();
          useDocumentStore.getState().endTyping();
        }}
      />
    </div>
  );
}
