import { useCallback, useId, useRef } from 'react';
import type { NameCheck } from '../../../shared/model';
import type { ChangeOptions } from '../../store/document-store';
import { useDocumentStore } from '../../store/document-store';
import type { OnFieldChange } from './field-change';
import { useDraft } from './use-draft';
import { useFocusWhenAdded } from './use-focus-when-added';

interface NameFieldProps {
  label?: string;
  fieldKey: string;
  value: string;
  /** The name rules for this element: non-empty, unique among its siblings. */
  check(candidate: string): NameCheck;
  onChange: OnFieldChange<string>;
  /** Takes the focus when the UI asks for this element's name (it was just added). */
  focusFor?: string;
  /** Called as the field is left after that first naming, in the same undo step as the typing. */
  onFirstNamed?: (options: ChangeOptions) => void;
}

/**
 * A name: valid text reaches the document as it is typed; invalid text stays in the field with
 * the reason beside it, and the document keeps the last valid name (restored when the field is left).
 */
export function NameField({
  label = 'Name',
  fieldKey,
  value,
  check,
  onChange,
  focusFor,
  onFirstNamed,
}: NameFieldProps) {
  const id = useId();
  const isFirstNaming = useRef(false);
  const input = useFocusWhenAdded(
    focusFor,
    useCallback(() => {
      isFirstNaming.current = true;
    }, []),
  );
  const draft = useDraft(value);
  const verdict = draft.text !== null ? check(draft.text) : null;
  const message = verdict && !verdict.ok ? verdict.message : null;

  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        ref={input}
        id={id}
        className="field__input"
        value={draft.text ?? value}
        aria-invalid={message !== null}
        aria-describedby={message ? `${id}-error` : undefined}
        data-field={fieldKey}
        onChange={(event) => {
          const text = event.target.value;
          const result = check(text);
          if (result.ok) onChange(result.name, { coalesceKey: fieldKey });
          draft.typed(text, result.ok ? result.name : value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === 'Escape') event.currentTarget.blur();
        }}
        onBlur={() => {
          draft.clear();
          if (isFirstNaming.current) onFirstNamed?.({ coalesceKey: fieldKey });
          isFirstNaming.current = false;
          useDocumentStore.getState().endTyping();
        }}
      />
      {message && (
        <p className="field__error" id={`${id}-error`} role="alert">
          {message}
        </p>
      )}
    </div>
  );
}
