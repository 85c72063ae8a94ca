import { isKeyword, type SqlToken } from './sql-tokens';

/** Every SQL function the engine gives its connections is named so (`mesh_offset`, `mesh_now`, `mesh_matches`). */
const ENGINE_FUNCTION_NAME = /^mesh_/i;

/**
 * The first call in a user's SQL to one of the engine's own functions, from its tokens. The
 * engine writes such calls into user SQL itself (the simulated clock's), so SQLite cannot tell
 * them from the user's: the text as written is judged. A common table expression or a table named
 * so (`WITH mesh_totals(n) AS (…)`, `INSERT INTO mesh_nodes (id) …`) is no call.
 */
export function engineFunctionCall(tokens: readonly SqlToken[]): SqlToken | undefined {
  return functionCall(tokens, isEngineFunctionName);
}

/** The first call to a function `isCalled` picks by name; a CTE or a table of that name is no call. */
export function functionCall(tokens: readonly SqlToken[], isCalled: (name: string) => boolean): SqlToken | undefined {
  return tokens.find((token, index) => {
    const isName = token.kind === 'word' || token.kind === 'quoted';
    if (!isName || !isCalled(token.text) || !isOpening(tokens[index + 1])) return false;
    if (isKeyword(tokens[index - 1], 'INTO')) return false;
    return !namesCommonTableExpression(tokens, index + 1);
  });
}

export function isEngineFunctionName(name: string): boolean {
  return ENGINE_FUNCTION_NAME.test(name);
}

/** What SQLite says of a function it lacks, as the engine's functions are to a user. */
export function engineFunctionRefusal(tokens: readonly SqlToken[]): string | undefined {
  const call = engineFunctionCall(tokens);
  return call && `no such function: ${call.text}`;
}

/** Whether the parenthesis at `open` lists a CTE's columns: `AS (`, `AS MATERIALIZED` or `AS NOT MATERIALIZED` follows it. */
function namesCommonTableExpression(tokens: readonly SqlToken[], open: number): boolean {
  let depth = 0;
  for (let index = open; index < tokens.length; index++) {
    const token = tokens[index] as SqlToken;
    if (token.kind !== 'symbol') continue;
    if (token.text === '(') depth += 1;
    else if (token.text === ')' && --depth === 0) {
      const after = tokens[index + 2];
      return isKeyword(tokens[index + 1], 'AS') && (isOpening(after) || isKeyword(after, 'MATERIALIZED', 'NOT'));
    }
  }
  return false;
}

function isOpening(token: SqlToken | undefined): boolean {
  return token?.kind === 'symbol' && token.text === '(';
}
