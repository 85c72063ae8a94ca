import { jsonOfMeshFile } from '../shared/contracts/contract-text';
import { readYamlSource } from '../shared/contracts/yaml-source';
import { inNumber, isWholeDocument, type Problem, pathSegments } from '../shared/model';

/** The YAML text a problem's path names, if it names one: a contract file as a whole, or a design's contract text. */
export type YamlTextAt = (path: string) => string | undefined;

/**
 * A YAML reader that meets a broken line reads on, and reports what it then misreads as errors
 * of their own: one unclosed `[` gives a dozen on the lines after it. The command line says the
 * first error of each broken text at its place, and how many follow it; the app's contract editor
 * marks them all, as VS Code's YAML support does.
 */
export function withFollowOnYamlErrorsCounted<P extends Problem>(problems: readonly P[], textAt: YamlTextAt): P[] {
  const firstByText = new Map<string, { at: number; followers: number }>();
  const isBroken = new Map<string, boolean>();
  const kept: P[] = [];
  for (const problem of problems) {
    const { path } = problem;
    if (!isBroken.has(path)) isBroken.set(path, isBrokenYaml(textAt(path)));
    const first = firstByText.get(path);
    if (first) first.followers++;
    else {
      if (isBroken.get(path)) firstByText.set(path, { at: kept.length, followers: 0 });
      kept.push(problem);
    }
  }
  for (const { at, followers } of firstByText.values()) {
    const first = kept[at];
    if (!first || followers === 0) continue;
    const more = `${followers} more YAML ${inNumber(followers, 'error')}`;
    kept[at] = { ...first, message: `${first.message} (and ${more} after it, probably caused by this one)` };
  }
  return kept;
}

/** A contract file's text, for the problems with it as a whole. */
export const contractFileText =
  (text: string): YamlTextAt =>
  (path) =>
    isWholeDocument(path) ? text : undefined;

/** A design's contract texts (`contracts[2].odcs`), as its file holds them. */
export function designContractTexts(designText: string): YamlTextAt {
  const json = jsonOfMeshFile(designText) as { contracts?: { odcs?: unknown }[] } | undefined;
  return (path) => {
    const [section, index, field, ...rest] = pathSegments(path);
    if (section !== 'contracts' || typeof index !== 'number' || field !== 'odcs' || rest.length > 0) return undefined;
    const lines = json?.contracts?.[index]?.odcs;
    return Array.isArray(lines) ? lines.join('\n') : undefined;
  };
}

/**
 * Broken beyond duplicate keys: then the reader reports its syntax errors alone, the first where
 * the text breaks. Duplicate keys break nothing after them, and are reported beside the rest.
 */
function isBrokenYaml(text: string | undefined): boolean {
  if (text === undefined) return false;
  const source = readYamlSource(text);
  return source.syntaxErrors.length > 0 && source.valueDespiteDuplicateKeys === undefined;
}
