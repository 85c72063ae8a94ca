import { patternExpression } from '../contracts/text-pattern';
import { quoteLiteral } from './sql-text';
import type { SqlConnection } from './sql-workspace';

/** The SQL function the contract check calls: `mesh_matches(pattern, text)`, 1 when the text matches. */
const MATCHES_FUNCTION = 'mesh_matches';

/**
 * Gives a connection `mesh_matches`. SQLite has no regular expressions, and ECMA-262's are what a
 * contract's patterns are written in; each pattern is compiled once, on the first record it checks.
 */
export function registerPatternMatch(connection: SqlConnection): void {
  const compiled = new Map<string, RegExp | undefined>();
  connection.defineFunction(MATCHES_FUNCTION, (pattern, text) => {
    if (typeof pattern !== 'string' || typeof text !== 'string') return 1;
    if (!compiled.has(pattern)) compiled.set(pattern, patternExpression(pattern));
    const expression = compiled.get(pattern);
    return expression === undefined || expression.test(text) ? 1 : 0;
  });
}

/** SQL true when the text `value` matches `pattern`; undefined for a pattern that is no regular expression (a contract error). */
export function matchesPatternSql(pattern: string, value: string): string | undefined {
  return patternExpression(pattern) === undefined
    ? undefined
    : `${MATCHES_FUNCTION}(${quoteLiteral(pattern)}, ${value}) = 1`;
}
