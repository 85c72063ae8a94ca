import type { Rule } from './rule';
import { breakingChangesRule } from './rules/breaking-changes';
import { cdcStreamsRule } from './rules/cdc-streams';
import { contractIdsRule } from './rules/contract-ids';
import { contractKeysRule } from './rules/contract-keys';
import { contractSemanticsRule } from './rules/contract-semantics';
import { contractServingRule } from './rules/contract-serving';
import { contractTeamRule } from './rules/contract-team';
import { contractVersionNumbersRule } from './rules/contract-version-numbers';
import { crossDomainSourcesRule } from './rules/cross-domain-sources';
import { freshnessSlosRule } from './rules/freshness-slos';
import { identifierLengthsRule } from './rules/identifier-lengths';
import { immutableEventsRule } from './rules/immutable-events';
import { inputsLinkedRule } from './rules/inputs-linked';
import { inputsReachOutputsRule } from './rules/inputs-reach-outputs';
import { layoutClashesRule } from './rules/layout-clashes';
import { linkCompatibilityRule } from './rules/link-compatibility';
import { nameCharactersRule } from './rules/name-characters';
import { numericColumnScaleRule } from './rules/numeric-column-scale';
import { oneSourcePerInputRule } from './rules/one-source-per-input';
import { orphanProductsRule } from './rules/orphan-products';
import { outboxConditionsRule } from './rules/outbox-conditions';
import { outputContractsRule } from './rules/output-contracts';
import { ownersRule } from './rules/owners';
import { piiPropagationRule } from './rules/pii-propagation';
import { POLICY_ENTRIES_RULE_ID, policyEntriesRule } from './rules/policy-entries';
import { primaryKeyGrainRule } from './rules/primary-key-grain';
import { productCyclesRule } from './rules/product-cycles';
import { productTablesRule } from './rules/product-tables';
import { publishedFieldsRule } from './rules/published-fields';
import { replicaIdentityRule } from './rules/replica-identity';
import { replicaIdentityEngineRule } from './rules/replica-identity-engine';
import { retiredContractConsumersRule } from './rules/retired-contract-consumers';
import { safeFileNamesRule } from './rules/safe-file-names';
import { scenarioFillsTablesRule } from './rules/scenario-fills-tables';
import { scenarioInitialRowsRule } from './rules/scenario-initial-rows';
import { scenarioKeyRoomRule } from './rules/scenario-key-room';
import { scenarioRateSizeRule } from './rules/scenario-rate-size';
import { scenarioReferencesRule } from './rules/scenario-references';
import { selfLinksRule } from './rules/self-links';
import { sourceTablesRule } from './rules/source-tables';
import { tombstoneSettingsRule } from './rules/tombstone-settings';
import { transformationReadsRule } from './rules/transformation-reads';
import { transformationSqlRule } from './rules/transformation-sql';
import { uniqueNamesRule } from './rules/unique-names';
import { unusedContractsRule } from './rules/unused-contracts';

const MESH_RULES: readonly Rule[] = [
  ownersRule,
  outputContractsRule,
  contractSemanticsRule,
  contractKeysRule,
  contractServingRule,
  contractTeamRule,
  contractIdsRule,
  contractVersionNumbersRule,
  inputsLinkedRule,
  inputsReachOutputsRule,
  oneSourcePerInputRule,
  selfLinksRule,
  productCyclesRule,
  crossDomainSourcesRule,
  linkCompatibilityRule,
  breakingChangesRule,
  retiredContractConsumersRule,
  transformationSqlRule,
  transformationReadsRule,
  productTablesRule,
  publishedFieldsRule,
  primaryKeyGrainRule,
  scenarioReferencesRule,
  sourceTablesRule,
  cdcStreamsRule,
  outboxConditionsRule,
  scenarioFillsTablesRule,
  scenarioKeyRoomRule,
  scenarioInitialRowsRule,
  scenarioRateSizeRule,
  replicaIdentityRule,
  replicaIdentityEngineRule,
  numericColumnScaleRule,
  identifierLengthsRule,
  tombstoneSettingsRule,
  piiPropagationRule,
  immutableEventsRule,
  freshnessSlosRule,
  uniqueNamesRule,
  nameCharactersRule,
  safeFileNamesRule,
  orphanProductsRule,
  unusedContractsRule,
  layoutClashesRule,
];

/** Every governance rule, in the order findings are reported; the app, the CLI and CI run exactly these. */
export const RULES: readonly Rule[] = [
  ...MESH_RULES,
  policyEntriesRule([...MESH_RULES.map((rule) => rule.id), POLICY_ENTRIES_RULE_ID]),
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
