/** A located problem: `path` names where, in the document, it is (e.g. `products[3].outputPorts[0].contractId`). */
export interface Problem {
  path: string;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; errors: Problem[] };

/** The path of a problem with the document as a whole. */
export const DOCUMENT_PATH = '(document)';

export function formatPath(segments: ReadonlyArray<PropertyKey>): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(String(segment))) path += path ? `.${String(segment)}` : String(segment);
    else path += `[${JSON.stringify(String(segment))}]`;
  }
  return path || DOCUMENT_PATH;
}

export function formatProblem(problem: Problem): string {
  return `${problem.path}: ${problem.message}`;
}
