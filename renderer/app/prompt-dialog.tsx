import { useEffect, useRef } from 'react';
import { usePromptStore } from '../host/in-page-prompt';

/** The page's own question dialog (Save / Don’t Save / Cancel, confirmations); Escape cancels. */
export function PromptDialog() {
  const question = usePromptStore((state) => state.question);
  const answer = usePromptStore((state) => state.answer);
  const ref = useRef<HTMLDialogElement>(null);
  // showModal focuses the first button, so Enter answers the first (default) choice.
  useEffect(() => {
    if (question && !ref.current?.open) ref.current?.showModal();
  }, [question]);
  if (!question || !answer) return null;
  return (
    <dialog
      ref={ref}
      className="modal prompt"
      aria-label={question.message}
      data-testid="prompt"
      onCancel={(event) => {
        event.preventDefault();
        answer(question.cancelId);
      }}
    >
      <div className="modal__body">
        <h2>{question.message}</h2>
        {question.detail && <p>{question.detail}</p>}
        <div className="prompt__choices">
          {question.choices.map((choice, index) => (
            <button
              key={choice.id}
              type="button"
              className={index === 0 ? 'primary' : undefined}
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
