import { useId } from 'react';
import { useDocumentStore } from '../../store/document-store';
import type { OnFieldChange } from './field-change';
import { useDraft } from './use-draft';

interface NumberFieldProps {
  label: string;
  fieldKey: string;
  value: number;
  min?: number;
  max?: number;
  integer?: boolean;
  onChange: OnFieldChange<number>;
}

/** A number; only numbers within bounds reach the document, so it always stays valid. */
export function NumberField({ label, fieldKey, value, min, max, integer = false, onChange }: NumberFieldProps) {
  const id = useId();
  const draft = useDraft(String(value));
  const isAllowed = (number: number) =>
    Number.isFinite(number) &&
    (!integer || Number.isInteger(number)) &&
    (min === undefined || number >= min) &&
    (max === undefined || number <= max);
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="number"
        className="field__input"
        value={draft.text ?? String(value)}
        min={min}
        max={max}
        step={integer ? 1 : 'any'}
        data-field={fieldKey}
        onChange={(event) => {
          const number = event.target.valueAsNumber;
          const committed = isAllowed(number) ? number : value;
          if (committed !== value) onChange(committed, { coalesceKey: fieldKey });
          draft.typed(event.target.value, String(committed));
        }}
        onBlur={() => {
          draft.clear();
          useDocumentStore.getState().endTyping();
        }}
      />
    </div>
  );
}
