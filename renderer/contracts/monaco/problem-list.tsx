import './problem-list.css';
import { keyedItems } from '../../app/keyed-items';

/** A problem an editor's text has, at its line and column. */
export interface ListedProblem {
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning' | 'info';
  /** A one-click repair beside it, as the Problems panel offers one. */
  fix?: { label: string; run: () => void };
}

interface ProblemListProps {
  problems: readonly ListedProblem[];
  label: string;
  testId: string;
  className: string;
  /** Puts the editor's cursor at the problem; without it the rows are not buttons that do anything. */
  onReveal?: (line: number, column: number) => void;
}

/** The problems under a Monaco editor, each row one button that takes the cursor to its place. */
export function ProblemList({ problems, label, testId, className, onReveal }: ProblemListProps) {
  return (
    <ul className={`problem-list ${className}`} aria-label={label} data-testid={testId}>
      {keyedItems(problems, (problem) => `${problem.line}:${problem.column}:${problem.message}`).map(
        ({ key, item: problem }) => (
          <li key={key} className={`problem problem--${problem.severity}`}>
            <button type="button" disabled={!onReveal} onClick={() => onReveal?.(problem.line, problem.column)}>
              <span className="problem__where">
                {problem.line}:{problem.column}
              </span>{' '}
              {problem.message}
            </button>
            {problem.fix && (
              <button type="button" className="problem__fix" onClick={problem.fix.run} title="One undoable step">
                {problem.fix.label}
              </button>
            )}
          </li>
        ),
      )}
    </ul>
  );
}
