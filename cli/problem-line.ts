import {
  type ContractTextPlace,
  formatPath,
  formatPlacedProblem,
  formatProblem,
  isWholeDocument,
  type Problem,
} from '../shared/model';
import { contractPartOf } from '../shared/validation/contract-text-places';
import type { DesignFilePlacer } from '../shared/validation/design-file-places';
import { SEVERITIES, type Severity } from '../shared/validation/finding';

/** The path of a problem with the file as a whole (it cannot be read, or holds no design). */
export const WHOLE_FILE = '(file)';

/** One problem of a file, where it is: a document path, and a line in YAML files. */
export interface FileProblem {
  /** `off` for a finding of a rule the design's policies turned off: it counts for nothing. */
  severity: Level;
  /** For a finding of a rule turned off: the severity it would have had. */
  ruleSeverity?: Severity;
  path: string;
  message: string;
  line?: number;
  column?: number;
  /** The governance rule that found it (designs only); see docs/governance.md. */
  rule?: string;
  fixHint?: string;
  /** The rule is turned off in the design's policies: shown with the reason, never an error. */
  suppressed?: { reason: string };
  /** Why the design's policies changed the rule's severity. */
  policyReason?: string;
  /** For a problem inside a design's contract: where in the contract's own text. */
  contractText?: ContractTextPlace;
}

/** How much a problem matters, most first; `off` last, so `--severity` above it leaves rules turned off out. */
export const LEVELS = [...SEVERITIES, 'off'] as const;
export type Level = (typeof LEVELS)[number];

/**
 * A problem in a file as compilers print it and CI problem matchers (GitHub, GitLab) read it:
 * `rent.odcs.yaml:12:7: schema[0].name: must be a string`, or `shop.mesh.json: products[0].kind: …`
 * with no line; `label` goes before the path (`warning: `).
 */
export function formatProblemInFile(file: string, problem: Problem & Partial<ContractTextPlace>, label = ''): string {
  const place = placeInFile(problem);
  if (problem.path === WHOLE_FILE)
    return `${file}${place ? `:${place.line}:${place.column}` : ''}: ${label}${problem.message}`;
  const inContract = problem.contractText && contractPartOf(problem.path);
  if (!place && problem.contractText && inContract) {
    // Said as the contract's text problems are: `contracts[3].odcs: 29:15 schema[0].properties[5].name: …`.
    const within = { path: formatPath(inContract.modelPath), message: problem.message };
    const contractPath = formatPath(['contracts', inContract.contractIndex, 'odcs']);
    return `${file}: ${label}${contractPath}: ${formatPlacedProblem(problem.contractText, within)}`;
  }
  if (!place) return `${file}: ${label}${formatProblem(problem)}`;
  // A line and column place a problem better than a path naming the whole document.
  const text = isWholeDocument(problem.path) ? problem.message : `${problem.path}: ${problem.message}`;
  return `${file}:${place.line}:${place.column}: ${label}${text}`;
}

/** Where in the file a problem is: a contract's problems carry their line, a design's syntax problems their `at`. */
export function placeInFile(problem: Problem & Partial<ContractTextPlace>): ContractTextPlace | undefined {
  if (problem.at) return problem.at;
  return problem.line === undefined || problem.column === undefined
    ? undefined
    : { line: problem.line, column: problem.column };
}

/** A design's problem at its line and column in the design file, unless it has its place already (a syntax error). */
export function placedInDesign<P extends Problem & Partial<ContractTextPlace>>(
  placer: DesignFilePlacer,
  problem: P,
): P {
  if (placeInFile(problem)) return problem;
  const place = placer(problem.path, problem.contractText);
  return place ? { ...problem, ...place } : problem;
}
