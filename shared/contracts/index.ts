/** Data contracts: ODCS YAML in and out, semantic checks, link compatibility, breaking changes, import. */
export {
  type ChangeKind,
  type ContractChange,
  type ContractComparison,
  compareContracts,
} from './breaking-changes';
export { type LocatedChange, locateChanges } from './change-locations';
export { changeWithoutValues } from './change-without-values';
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
export { completedValueColumns, type ValueColumns } from './completed-value-range';
export {
  type ContractEditResult,
  editContractText,
  logicalTypeEdits,
  readOdcsDocument,
  upgradeToLatest,
  withContractIdentity,
} from './contract-edits';
export { contractOutline, type OutlineSymbol } from './contract-outline';
export {
  contractFromModel,
  contractOf,
  contractTextCodec,
  type OpenedMeshFile,
  parseMeshDocument,
  parseMeshFile,
  parseMeshFileBytes,
  parseMeshFileRepairingSizes,
} from './contract-text';
export { asNextVersion, asReplacement, type ImportedVersion, type NextVersion } from './contract-versions';
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
  isContractServed,
  MAX_CONTRACT_FILE_LENGTH,
  type ServingPlace,
  serveContract,
  servePastedFrom,
  servingPlaces,
} from './import-contracts';
export { parseContractKeepingId } from './kept-id';
export {
  completeOdcsKeys,
  completeOdcsValues,
  describeOdcsKey,
  describeOdcsValue,
  isReplacingWrittenKey,
  keyCompletionText,
} from './odcs-completion';
export {
  CONTRACT_QUALITY_PROPERTY,
  contractToOdcs,
  DATASET_KIND_PROPERTY,
  inferKind,
  KEEP_HISTORY_PROPERTY,
  type OdcsDocument,
} from './odcs-document';
export { validateOdcsDocument } from './odcs-schema';
export {
  describeKey,
  type KeySuggestion,
  logicalTypeOptionsFor,
  type OptionSuggestion,
  suggestKeys,
  suggestValues,
  writtenKeysOf,
} from './odcs-schema-guide';
export {
  DEFAULT_API_VERSION,
  jsonSchemaForApiVersion,
  LATEST_API_VERSION,
  SUPPORTED_API_VERSIONS,
  schemaForApiVersion,
} from './odcs-versions';
export { parseOdcsSource, parseOdcsYaml, serializeOdcsYaml } from './odcs-yaml';
export { pastedContractFileName } from './pasted-contract-file';
export type { PathProblem, PathResult, PathSegment } from './path-problem';
export { completePhysicalTypes } from './physical-type-completion';
export { fieldRemovalEdits, primaryKeyEdits } from './primary-key-edits';
export type { ProblemRepair } from './problem-repair';
export { propertyPathOf } from './property-path';
export { contractQuickFixes, type QuickFix } from './quick-fixes';
export { outsideTargetIssues } from './relationship-checks';
export {
  type FieldRename,
  RENAME_NEEDS_A_FIELD,
  renamedFieldAt,
  renameRelationshipField,
} from './relationship-field-rename';
export { completeRelationshipReferences } from './relationship-reference-completion';
export {
  type FieldReferences,
  relationshipReferenceDefinition,
  relationshipReferencesTo,
} from './relationship-reference-navigation';
export { completeRuleArgumentFields } from './rule-argument-completion';
export {
  type DiagramEdge,
  type DiagramField,
  type DiagramTable,
  diagramSummary,
  type FieldRef,
  relationshipEdit,
  type SchemaDiagram,
  schemaDiagramOf,
  whyUnreferenceable,
} from './schema-diagram';
export { type DiagramSide, type EdgeSides, edgeSides, tableColumns } from './schema-diagram-layout';
export { checkContractSemantics, checkContractYaml, checkDatasetShape } from './semantic-checks';
export {
  allowsBreakingChanges,
  bumpMinor,
  compareSemver,
  nextBreakingVersion,
  parseSemver,
  type Semver,
} from './semver';
export { SLA_PROPERTY_NAMES, SLA_UNIT_NAMES } from './sla-choices';
export { completeSlaElements } from './sla-element-completion';
export { type TextChange, textChangeBetween } from './text-change';
export { type YamlCursorPath, yamlCursorPath } from './yaml-cursor-path';
export {
  formatLocatedProblem,
  type LocatedProblem,
  type LocatedResult,
  readYamlSource,
  type TextRange,
  type YamlSource,
} from './yaml-source';
export { editYamlText, type YamlEdit } from './yaml-text-edit';
