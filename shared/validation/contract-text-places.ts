import { allowedValueDocumentPath, documentPathOf } from '../contracts/odcs-document';
import type { PathSegment } from '../contracts/path-segment';
import type { TextRange } from '../contracts/text-range';
import { readYamlSource, type YamlSource } from '../contracts/yaml-source';
import { Memo } from '../lineage/memo';
import type { Contract } from '../model/contract';
import { type ContractTextPlace, pathSegments } from '../model/problem';
import type { Finding } from './finding';
import { contractKeysRule } from './rules/contract-keys';
import { contractSemanticsRule } from './rules/contract-semantics';

/** A path of the design inside one of its contracts: `contracts[3].schema[0].properties[5].name`. */
export interface ContractPart {
  contractIndex: number;
  /** The path in the contract's model (`schema[0].properties[5].name`); empty for the contract as a whole. */
  modelPath: PathSegment[];
}

/** The contract a design path lies in, and where in its model; none outside the contracts, and for its text (`contracts[1].odcs`), placed already. */
export function contractPartOf(path: string): ContractPart | undefined {
  const [section, contractIndex, ...modelPath] = pathSegments(path);
  if (section !== 'contracts' || typeof contractIndex !== 'number' || modelPath[0] === 'odcs') return undefined;
  return { contractIndex, modelPath };
}

/**
 * Where a field of a contract's model is written in its ODCS text: a few are renamed there (see
 * documentPathOf), and an allowed value (`properties[5].enum[2]`) is an `enum` entry or a `validValues` one.
 */
export function modelPathInText(
  source: YamlSource,
  modelPath: readonly PathSegment[],
  target?: 'key' | 'value',
): TextRange {
  const enumAt = modelPath.lastIndexOf('enum');
  const valueIndex = modelPath[enumAt + 1];
  const documentPath =
    enumAt > 0 && typeof valueIndex === 'number'
      ? allowedValueDocumentPath(documentPathOf(modelPath.slice(0, enumAt), source.value), valueIndex, source.value)
      : documentPathOf(modelPath, source.value);
  return source.locate(documentPath, target);
}

const sourceByText = new Memo<string, YamlSource>();

/** A contract's text read as YAML once for as long as the text stays: placing findings in it asks again and again. */
function sourceOf(text: string): YamlSource {
  return sourceByText.get(text, [], () => readYamlSource(text));
}

/** Where a finding of the design at `path` is in its contract's text, as `contractText` says it; none for a path outside a contract's model. */
export function contractTextPlaceOf(contracts: readonly Contract[], path: string): ContractTextPlace | undefined {
  const part = contractPartOf(path);
  const contract = part && contracts[part.contractIndex];
  if (!part || !contract || part.modelPath.length === 0) return undefined;
  const source = sourceOf(contract.odcs);
  const { line, column } = modelPathInText(source, part.modelPath);
  return { line, column };
}

/** The rules whose findings are the contract text's own checks, which its editor says already. */
const TEXT_CHECK_RULES: ReadonlySet<string> = new Set([contractSemanticsRule.id, contractKeysRule.id]);

/** A finding of the design placed in the text of the contract it is about. */
export interface FindingInText {
  finding: Finding;
  range: TextRange;
}

/**
 * The design's findings about a part of contract `contractIndex` (muted ones left out), each placed in
 * `text`, the contract's text its editor shows; one the text's own checks say at the same place is
 * left to them, so the editor says each problem once.
 */
export function designFindingsInText(
  findings: readonly Finding[],
  contractIndex: number,
  text: string,
  saidByTheText: readonly TextRange[],
): FindingInText[] {
  const source = sourceOf(text);
  const isSaid = (range: TextRange) =>
    saidByTheText.some((said) => said.line === range.line && said.column === range.column);
  return findings.flatMap((finding) => {
    const part = contractPartOf(finding.path);
    // One about the contract as a whole (no link reads it) has no line of its own to show in its text.
    if (finding.suppressed || part?.contractIndex !== contractIndex || part.modelPath.length === 0) return [];
    const range = modelPathInText(source, part.modelPath);
    // The text's own check may mark the key its path names (a misspelt argument), where the design's marks the value.
    const isSaidByTheText = isSaid(range) || isSaid(modelPathInText(source, part.modelPath, 'key'));
    return TEXT_CHECK_RULES.has(finding.ruleId) && isSaidByTheText ? [] : [{ finding, range }];
  });
}
