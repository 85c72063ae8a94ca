import type { PathSegment } from './path-segment';
import type { ProblemRepair } from './problem-repair';

export type { PathSegment } from './path-segment';

/**
 * A problem at a path of a parsed document, not yet placed in its text. `target: 'key'`
 * points at the key of the last segment, for fields that should not be there at all.
 */
export interface PathProblem {
  path: PathSegment[];
  message: string;
  target?: 'key' | 'value';
  repair?: ProblemRepair;
}

export type PathResult<T> = { ok: true; value: T } | { ok: false; errors: PathProblem[] };
