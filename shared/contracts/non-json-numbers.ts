import type { PathProblem, PathSegment } from './path-problem';

/**
 * YAML's `.nan` and `.inf` read as numbers that JSON, and so the ODCS schema, does not have:
 * the schema would call them the wrong type, though YAML reads them as numbers. Said where each is.
 */
export function nonJsonNumberProblems(value: unknown, path: PathSegment[] = []): PathProblem[] {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    const what = Number.isNaN(value) ? 'NaN (.nan)' : 'infinity (.inf)';
    return [{ path, message: `${what} is not a JSON value, so ODCS has no such number: quote it to mean the text` }];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => nonJsonNumberProblems(item, [...path, index]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => nonJsonNumberProblems(item, [...path, key]));
  }
  return [];
}
