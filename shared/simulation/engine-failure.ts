import type { Problem } from '../model/problem';

/** An exception the engine did not foresee (a bug), as a problem its host reports like any other. */
export function engineFailure(error: unknown): Problem {
  return { path: '(engine)', message: error instanceof Error ? error.message : String(error) };
}
