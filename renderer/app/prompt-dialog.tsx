import { useEffect, useId, useRef } from 'react';
import { usePromptStore } from '../host/in-page-prompt';
import { useFocusReturn } from './use-focus-return';

/**
 * The page's own question dialog (Save / Don’t Save / Cancel, confirmations): an alert dialog named
 * by its question, focused on its default choice (never one that loses work); Escape cancels, and
 * focus goes back where it was.
 */
export function PromptDialog() {
  const question = usePromptStore((state) => state.question);
  const answer = usePromptStore((state) => state.answer);
  const ref = useRef<HTMLDialogElement>(null);
  const defaultChoice = useRef<HTMLButtonElement>(null);
  const messageId = useId();
  const detailId = useId();
  useFocusReturn(question !== null);
  useEffect(() => {
    if (!question) return;
    if (!ref.current?.open) ref.current?.showModal();
    defaultChoice.current?.focus();
  }, [question]);
  if (!question || !answer) return null;
  return (
    <dialog
      ref={ref}
      className="modal prompt"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={messageId}
      aria-describedby={question.detail ? detailId : undefined}
      data-testid="prompt"
      onCancel={(event) => {
        event.preventDefault();
        answer(question.cancelId);
      }}
    >
      <div className="modal__body">
        <h2 id={messageId}>{question.message}</h2>
        {question.detail && <p id={detailId}>{question.detail}</p>}
        <div className="prompt__choices">
          {question.choices.map((choice) => (
            <button
              key={choice.id}
              ref={choice.id === question.defaultId ? defaultChoice : undefined}
              type="button"
              className={choice.id === question.defaultId ? 'primary' : undefined}
              onClick={() => answer(choice.id)}
            >
              {choice.label}
            </button>
          ))}
        </div>
      </div>
    </dialog>
  );
}
