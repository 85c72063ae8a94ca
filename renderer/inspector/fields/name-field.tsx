import { useCallback, useId, useRef, useState } from 'react';
import type { NameCheck } from '../../../shared/model';
import type { ChangeOptions } from '../../store/document-store';
import { useDocumentStore } from '../../store/document-store';
import { useNoticeStore } from '../../store/notice-store';
import { whenPointerReleased } from '../../store/when-pointer-released';
import type { OnFieldChange } from './field-change';
import { leaveFieldForCanvas } from './leave-field';
import { useDraft } from './use-draft';
import { useFocusWhenAdded } from './use-focus-when-added';

interface NameFieldProps {
  label?: string;
  /** Whose name it is, for a screen reader, where several fields share one visible label (`Name of port orders-out`). */
  accessibleName?: string;
  fieldKey: string;
  value: string;
  /** The name rules for this element: non-empty, unique among its siblings. */
  check(candidate: string): NameCheck;
  onChange: OnFieldChange<string>;
  /** Takes the focus when the UI asks for this element's name (it was just added). */
  focusFor?: string;
  /** Called as the field is left after that first naming, in the same undo step as the typing and the adding. */
  onFirstNamed?: (options: ChangeOptions) => void;
  /** The name is still the placeholder the element was born with: renaming it is its first naming too. */
  isPlaceholderName?: boolean;
}

/**
 * A name: valid text reaches the document as it is typed; invalid text stays in the field with
 * the reason beside it. A name is never kept shortened (the last valid prefix of a name already
 * taken): Enter keeps the field until the name is changed, Escape or leaving goes back to the name
 * it had (leaving says so), and only a name the user commits can give a new element its id.
 */
export function NameField({
  label = 'Name',
  accessibleName,
  fieldKey,
  value,
  check,
  onChange,
  focusFor,
  onFirstNamed,
  isPlaceholderName = false,
}: NameFieldProps) {
  const id = useId();
  const isFirstNaming = useRef(false);
  const input = useFocusWhenAdded(
    focusFor,
    fieldKey,
    useCallback(() => {
      isFirstNaming.current = true;
    }, []),
  );
  /** The name the field had when the user started typing in it: what Escape goes back to. */
  const nameBefore = useRef(value);
  /** Who the field is for as the typing began: a name typed over it is not that element's name until kept. */
  const accessibleNameBefore = useRef(accessibleName);
  const draft = useDraft(value);
  const verdict = draft.text !== null ? check(draft.text) : null;
  const message = verdict && !verdict.ok ? verdict.message : null;
  /** A refusal the field was left with, kept in view until the press that left it ends. */
  const [refusalLeft, setRefusalLeft] = useState<string | null>(null);
  const shownMessage = message ?? refusalLeft;
  const isCancelling = useRef(false);

  const cancel = () => {
    useDocumentStore.getState().cancelTyping(fieldKey);
    draft.clear();
  };

  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        ref={input}
        id={id}
        className="field__input"
        aria-label={draft.text !== null ? accessibleNameBefore.current : accessibleName}
        value={draft.text ?? value}
        aria-invalid={message !== null}
        aria-describedby={message ? `${id}-error` : undefined}
        data-field={fieldKey}
        onFocus={() => {
          nameBefore.current = value;
          accessibleNameBefore.current = accessibleName;
          if (isPlaceholderName) isFirstNaming.current = true;
        }}
        onChange={(event) => {
          const text = event.target.value;
          const result = check(text);
          if (result.ok) onChange(result.name, { coalesceKey: fieldKey });
          draft.typed(text, result.ok ? result.name : value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            // The inspector then leaves the field, as it does on Escape in any of its fields.
            isCancelling.current = true;
            cancel();
          } else if ((event.key === 'Enter' || event.key === 'Tab') && message) {
            // The refusal stays in view, beside the field, until the name is changed or cancelled.
            event.preventDefault();
          } else if (event.key === 'Enter') leaveFieldForCanvas(event.currentTarget);
        }}
        onBlur={() => {
          const wasCancelled = isCancelling.current;
          isCancelling.current = false;
          if (message && !wasCancelled) {
            setRefusalLeft(message);
            whenPointerReleased(() => setRefusalLeft(null));
            cancel();
            useNoticeStore
              .getState()
              .show({ tone: 'error', text: `Kept the name ‘${nameBefore.current}’: ${message}`, isMomentary: true });
          } else if (!message && !wasCancelled && isFirstNaming.current) {
            // A placeholder left as it was is not named yet: its id waits for the rename.
            if (!isPlaceholderName || value !== nameBefore.current) onFirstNamed?.({ coalesceKey: fieldKey });
            isFirstNaming.current = false;
          }
          draft.clear();
          useDocumentStore.getState().endTyping();
        }}
      />
      {shownMessage && (
        <p className="field__error" id={`${id}-error`} role="alert">
          {shownMessage}
        </p>
      )}
    </div>
  );
}
