import { lineAndColumn } from './json-syntax-error';
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
  const { duplicateKeys, tooDeep } = scanJsonStructure(text, MAX_NESTING_DEPTH);
  if (tooDeep) {
    return [
      {
        path: formatPath(tooDeep.path),
        message: `nested more than ${MAX_NESTING_DEPTH} levels deep; mesh files nest far less`,
      },
    ];
  }
  return duplicateKeys.map(({ path, key, offset }) => {
    const { line, column } = lineAndColumn(text, offset);
    return {
      path: formatPath([...path, key]),
      message: duplicateKeyMessage(key, 'the file'),
      at: { line, column },
    };
  });
}

/** A key written twice in one object: what JSON.parse makes of it, in words that say where to look. */
export function duplicateKeyMessage(key: string, whole: string): string {
  return `duplicate key ${JSON.stringify(key)}: JSON keeps only the last one, so ${whole} says two things`;
}

export interface JsonStructure {
  /** Keys that appear twice in one object (the first few), with the path of their object and where the second one is written (its quotes included). */
  duplicateKeys: { path: (string | number)[]; key: string; offset: number; endOffset: number }[];
  /** The first object or array deeper than the limit: where it opens, and the path of its parent. */
  tooDeep?: { path: (string | number)[]; offset: number };
}

/**
 * JSON text's duplicate keys and whether it nests deeper than `maxDepth`, read without recursion
 * and without parsing (parsers recurse, and overflow the stack on deep text). Stops where it is
 * too deep. Text that is not JSON is read as far as its quotes and brackets go.
 */
export function scanJsonStructure(text: string, maxDepth: number): JsonStructure {
  const duplicateKeys: JsonStructure['duplicateKeys'] = [];
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
        if (top.keys.has(key) && duplicateKeys.length < MAX_REPORTED_DUPLICATES) {
          duplicateKeys.push({ path: pathOf(stack.slice(0, -1)), key, offset: index, endOffset: end + 1 });
        }
        top.keys.add(key);
        top.key = key;
        expectsKey = false;
      }
      structural.lastIndex = end + 1;
    } else if (char === '{' || char === '[') {
      stack.push(char === '{' ? { kind: 'object', keys: new Set(), key: null } : { kind: 'array', index: 0 });
      expectsKey = char === '{';
      if (stack.length > maxDepth)
        return { duplicateKeys, tooDeep: { path: pathOf(stack.slice(0, -1)), offset: index } };
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
  return { duplicateKeys };
}

function decodeKey(quoted: string): string {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return quoted.slice(1, -1);
  }
}
