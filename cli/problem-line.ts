import { type ContractTextPlace, formatProblem, isWholeDocument, type Problem } from '../shared/model';

/** The path of a problem with the file as a whole (it cannot be read, or holds no design). */
export const WHOLE_FILE = '(file)';

/**
 * A problem in a file as compilers print it and CI problem matchers (GitHub, GitLab) read it:
 * `rent.odcs.yaml:12:7: schema[0].name: must be a string`, or `shop.mesh.json: products[0].kind: …`
 * with no line; `label` goes before the path (`warning: `).
 */
export function formatProblemInFile(file: string, problem: Problem & Partial<ContractTextPlace>, label = ''): string {
  if (problem.path === WHOLE_FILE) return `${file}: ${label}${problem.message}`;
  if (problem.line === undefined) return `${file}: ${label}${formatProblem(problem)}`;
  // A line and column place a problem better than a path naming the whole document.
  const text = isWholeDocument(problem.path) ? problem.message : formatProblem(problem);
  return `${file}:${problem.line}:${problem.column}: ${label}${text}`;
}
