/** Data contracts: ODCS YAML in and out, semantic checks, link compatibility, breaking changes, import. */
export {
  type ChangeKind,
  type ContractChange,
  type ContractComparison,
  compareContracts,
} from './breaking-changes';
export { formatChangelog } from './changelog';
export {
  type CompatibilityProblem,
  canReadAs,
  checkCompatibility,
  checkLinkCompatibility,
  checkMeshCompatibility,
  expectedFieldsOf,
  type LinkCompatibility,
} from './compatibility';
export type { ContractFinding, FindingSeverity, LocatedFinding } from './finding';
export {
  CONFLICT_POLICIES,
  type ConflictPolicy,
  type ImportDecision,
  type ImportOutcome,
  isImported,
  resolveContractConflicts,
} from './import-conflicts';
export {
  attachContracts,
  type ContractAttachment,
  type ContractFile,
  type ContractFileReport,
  IMPORTED_DOMAIN_NAME,
  importContractFiles,
  MAX_CONTRACT_FILE_LENGTH,
} from './import-contracts';
export {
  CONTRACT_QUALITY_PROPERTY,
  contractToOdcs,
  DATASET_KIND_PROPERTY,
  KEEP_HISTORY_PROPERTY,
  type OdcsDocument,
} from './odcs-document';
export { ODCS_API_VERSION, validateOdcsDocument } from './odcs-schema';
export { describeKey, type KeySuggestion, suggestKeys, suggestValues } from './odcs-schema-guide';
export { parseOdcsSource, parseOdcsYaml, serializeOdcsYaml } from './odcs-yaml';
export type { PathProblem, PathResult, PathSegment } from './path-problem';
export { checkContractSemantics, checkContractYaml, checkDatasetShape } from './semantic-checks';
export { bumpMajor, compareSemver, parseSemver, type Semver } from './semver';
export { type YamlCursorPath, yamlCursorPath } from './yaml-cursor-path';
export {
  formatLocatedProblem,
  type LocatedProblem,
  type LocatedResult,
  readYamlSource,
  type TextRange,
  type YamlSource,
} from './yaml-source';
