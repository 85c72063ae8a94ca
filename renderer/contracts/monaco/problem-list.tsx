import './problem-list.css';
import { keyedItems } from '../../app/keyed-items';

interface Problem {
  message: string;
  severity: 'error' | 'warning' | 'info';
  /** A one-click repair beside it, as the Problems panel offers one. */
  fix?: { label: string; run: () => void };
}

/** A problem an editor's text has, at its line and column. */
export interface ProblemInText extends Problem {
  line: number;
  column: number;
}

/** A problem the text causes elsewhere in the design (a port serving the contract): where, and going there. */
export interface ProblemElsewhere extends Problem {
  where: string;
  reveal: () => void;
}

export type ListedProblem = ProblemInText | ProblemElsewhere;

const keyOf = (problem: ListedProblem) =>
  `${'where' in problem ? problem.where : `${problem.line}:${problem.column}`}:${problem.message}`;

interface ProblemListProps {
  problems: readonly ListedProblem[];
  label: string;
  testId: string;
  className: string;
  /** Puts the editor's cursor at the problem; without it the rows are not buttons that do anything. */
  onReveal?: (line: number, column: number) => void;
}

/** The problems under a Monaco editor, each row one button that takes the cursor to its place, or the view to what is elsewhere. */
export function ProblemList({ problems, label, testId, className, onReveal }: ProblemListProps) {
  return (
    <ul className={`problem-list ${className}`} aria-label={label} data-testid={testId}>
      {keyedItems(problems, keyOf).map(({ key, item: problem }) => (
        <li key={key} className={`problem problem--${problem.severity}`}>
          {'where' in problem ? (
            <button type="button" onClick={problem.reveal}>
              <span className="problem__where">{problem.where}</span> {problem.message}
            </button>
          ) : (
            <button type="button" disabled={!onReveal} onClick={() => onReveal?.(problem.line, problem.column)}>
              <span className="problem__where">
                {problem.line}:{problem.column}
              </span>{' '}
              {problem.message}
            </button>
          )}
          {problem.fix && (
            <button type="button" className="problem__fix" onClick={problem.fix.run} title="One undoable step">
              {problem.fix.label}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
