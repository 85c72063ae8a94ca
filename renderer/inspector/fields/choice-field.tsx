import { useId } from 'react';

interface ChoiceFieldProps<T extends string> {
  label: string;
  value: T;
  /** A disabled option shows what exists but cannot be chosen now. */
  options: readonly T[] | ReadonlyArray<{ value: T; label: string; disabled?: boolean }>;
  onChange(value: T): void;
}

/** A choice among a few values; each choice is its own undo step. */
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
      <select id={id} className="field__input" value={value} onChange={(event) => onChange(event.target.value as T)}>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value} disabled={choice.disabled}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}
