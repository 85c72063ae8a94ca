/** A located problem: `path` names where, in the document, it is (e.g. `products[3].outputPorts[0].contractId`). */
export interface Problem {
  path: string;
  message: string;
  /** For a problem inside a contract's ODCS text stored in a design: where in that text. */
  contractText?: ContractTextPlace;
  /** For the line that ends a capped list: how many problems it stands for, not listed. */
  unlisted?: number;
  /** For a problem in the file's own text (its JSON syntax, a duplicate key): where in it. */
  at?: ContractTextPlace;
}

/** How many problems a list holds, those a capped list only counts included. */
export function problemTotal(problems: readonly Problem[]): number {
  return problems.reduce((total, problem) => total + (problem.unlisted ?? 1), 0);
}

/**
 * A place in a contract's ODCS text, lines and columns counted from 1 at the text's first
 * character. The design file holds the text as JSON strings, so it is not a place in the file.
 */
export interface ContractTextPlace {
  line: number;
  column: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; errors: Problem[] };

/** The path of a problem with the document as a whole. */
export const DOCUMENT_PATH = '(document)';

/** A run of one segment longer than this is written once with its count, so a hostile nesting stays readable. */
const LONGEST_SPELLED_RUN = 3;

export function formatPath(segments: ReadonlyArray<PropertyKey>): string {
  let path = '';
  for (let start = 0; start < segments.length; ) {
    const segment = segments[start] as PropertyKey;
    let end = start + 1;
    while (end < segments.length && segments[end] === segment) end++;
    const run = end - start;
    const spelled = run > LONGEST_SPELLED_RUN ? 1 : run;
    for (let count = 0; count < spelled; count++) path += formatSegment(segment, path);
    if (run > LONGEST_SPELLED_RUN) path += `×${run}`;
    start = end;
  }
  return path || DOCUMENT_PATH;
}

/** The segments of a path formatPath wrote: `.data[0].generators.city` → `['data', 0, 'generators', 'city']`. */
export function pathSegments(path: string): (string | number)[] {
  return [...path.matchAll(/\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|([^.[\]]+)/g)].map(([, index, quoted, name]) =>
    index !== undefined ? Number(index) : quoted !== undefined ? (JSON.parse(quoted) as string) : (name as string),
  );
}

function formatSegment(segment: PropertyKey, pathBefore: string): string {
  if (typeof segment === 'number') return `[${segment}]`;
  if (/^[A-Za-z_$][\w$]*$/.test(String(segment))) return pathBefore ? `.${String(segment)}` : String(segment);
  return `[${JSON.stringify(String(segment))}]`;
}

export function formatProblem(problem: Problem): string {
  const place = problem.at ? ` (line ${problem.at.line}, column ${problem.at.column})` : '';
  return `${problem.path}: ${problem.message}${place}`;
}

/** Whether a path is the document as a whole: beside a line and column, naming it says nothing. */
export function isWholeDocument(path: string): boolean {
  return path === DOCUMENT_PATH;
}

/** A problem placed in a text, as a compiler says it: `12:7 schema[0].name: must be string`, `3:1 the key 'id' appears twice…`. */
export function formatPlacedProblem(place: ContractTextPlace, problem: Problem): string {
  const path = isWholeDocument(problem.path) ? '' : `${problem.path}: `;
  return `${place.line}:${place.column} ${path}${problem.message}`;
}
