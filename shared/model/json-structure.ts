import { MAX_NESTING_DEPTH } from './mesh-file-format';
import { formatPath, type Problem } from './problem';

const MAX_REPORTED_DUPLICATES = 50;

type Container = { kind: 'object'; keys: Set<string>; key: string | null } | { kind: 'array'; index: number };

function pathOf(stack: readonly Container[]): (string | number)[] {
  return stack.flatMap((container): (string | number)[] =>
    container.kind === 'array' ? [container.index] : container.key === null ? [] : [container.key],
  );
}

/** The index of the quote that ends the string opened at `start`. */
function endOfString(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  while (end !== -1) {
    let backslashes = 0;
    while (text[end - 1 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
  return text.length;
}

/**
 * What JSON.parse does not tell: nesting deeper than the limit (which would overflow the stack
 * later, when the document is saved) and duplicate keys (JSON.parse silently keeps the last one).
 * One pass, without recursion, so any depth is safe to check. Meant for text JSON.parse accepted.
 */
export function checkJsonStructure(text: string): Problem[] {
  const problems: Problem[] = [];
  const stack: Container[] = [];
  let expectsKey = false;
  // Only quotes, brackets and commas matter; the regex skips everything between them natively.
  const structural = /["{}[\],]/g;
  for (let match = structural.exec(text); match; match = structural.exec(text)) {
    const index = match.index;
    const char = match[0];
    if (char === '"') {
      const end = endOfString(text, index);
      const top = stack.at(-1);
      if (top?.kind === 'object' && expectsKey) {
        const key = decodeKey(text.slice(index, end + 1));
        if (top.keys.has(key) && problems.length < MAX_REPORTED_DUPLICATES) {
          problems.push({
            path: formatPath([...pathOf(stack.slice(0, -1)), key]),
            message: `duplicate key ${JSON.stringify(key)}: JSON keeps only the last one, so the file says two things`,
          });
        }
        top.keys.add(key);
        top.key = key;
        expectsKey = false;
      }
      structural.lastIndex = end + 1;
    } else if (char === '{' || char === '[') {
      stack.push(char === '{' ? { kind: 'object', keys: new Set(), key: null } : { kind: 'array', index: 0 });
      expectsKey = char === '{';
      if (stack.length > MAX_NESTING_DEPTH) {
        return [
          {
            path: formatPath(pathOf(stack.slice(0, -1))),
            message: `nested more than ${MAX_NESTING_DEPTH} levels deep; mesh files nest far less`,
          },
        ];
      }
    } else if (char === '}' || char === ']') {
      stack.pop();
      expectsKey = false;
    } else if (char === ',') {
      const top = stack.at(-1);
      if (top?.kind === 'array') top.index++;
      else if (top) {
        top.key = null;
        expectsKey = true;
      }
    }
  }
  return problems;
}

function decodeKey(quoted: string): string {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return quoted.slice(1, -1);
  }
}
