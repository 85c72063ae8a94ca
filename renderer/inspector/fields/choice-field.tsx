import { useId } from 'react';
import { useDocumentStore } from '../../store/document-store';
import type { OnFieldChange } from './field-change';

interface ChoiceFieldProps<T extends string> {
  label: string;
  value: T;
  /** A disabled option shows what exists but cannot be chosen now. */
  options: readonly T[] | ReadonlyArray<{ value: T; label: string; disabled?: boolean }>;
  onChange: OnFieldChange<T>;
}

/**
 * A choice among a few values. The choices of one visit (the arrow keys pass every option on the
 * way) are one undo step, as a text field's keystrokes are: the step ends when the field loses focus.
 */
export function ChoiceField<T extends string>({ label, value, options, onChange }: ChoiceFieldProps<T>) {
  const id = useId();
  const choices = options.map((option) =>
    typeof option === 'string' ? { value: option, label: option, disabled: false } : option,
  );
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="field__input"
        value={value}
        onChange={(event) => onChange(event.target.value as T, { coalesceKey: `choice:${id}` })}
        onBlur={useDocumentStore.getState().endTyping}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value} disabled={choice.disabled}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}
