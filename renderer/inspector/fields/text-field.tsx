import { useId } from 'react';
import { useDocumentStore } from '../../store/document-store';
import type { OnFieldChange } from './field-change';
import { useFocusWhenAdded } from './use-focus-when-added';

interface TextFieldProps {
  label: string;
  /** Unique per element and field: names the undo step the keystrokes merge into. */
  fieldKey: string;
  value: string;
  onChange: OnFieldChange<string>;
  /** Several lines, in a monospace font: SQL, markdown. */
  code?: boolean;
  placeholder?: string;
  /** Takes the focus when the UI asks for this element's first field (it was just added). */
  focusFor?: string;
  /** Shown under the field, which it describes. */
  warning?: string;
}

/** A free-text field; every keystroke reaches the document, all of them one undo step. */
export function TextField({
  label,
  fieldKey,
  value,
  onChange,
  code = false,
  placeholder,
  focusFor,
  warning,
}: TextFieldProps) {
  const id = useId();
  const focusTarget = useFocusWhenAdded(focusFor, fieldKey);
  const common = {
    id,
    ref: focusTarget,
    value,
    placeholder,
    spellCheck: !code,
    onBlur: useDocumentStore.getState().endTyping,
    'data-field': fieldKey,
    ...(warning && { 'aria-describedby': `${id}-warning` }),
  };
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {code ? (
        <textarea
          {...common}
          className="field__input field__input--code"
          rows={Math.min(14, Math.max(3, value.split('\n').length + 1))}
          onChange={(event) => onChange(event.target.value, { coalesceKey: fieldKey })}
        />
      ) : (
        <input
          {...common}
          className="field__input"
          onChange={(event) => onChange(event.target.value, { coalesceKey: fieldKey })}
        />
      )}
      {warning && (
        <p className="field__warning" id={`${id}-warning`} role="status">
          {warning}
        </p>
      )}
    </div>
  );
}
