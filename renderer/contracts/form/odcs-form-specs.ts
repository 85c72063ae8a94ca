import { SLA_PROPERTY_NAMES, SLA_UNIT_NAMES } from '../../../shared/contracts';
import type { FieldSpec } from './form-fields';

/*
 * The inputs of each ODCS object the form edits, in reading order. Values offered for a
 * choice come from the contract's own ODCS schema version; these lists add common ones
 * the schema only gives as examples.
 */

export const FUNDAMENTALS: FieldSpec[] = [
  { key: 'name', label: 'Name', kind: 'text', isRequired: true },
  { key: 'version', label: 'Version', kind: 'text', isRequired: true, hint: 'semantic version, e.g. 1.2.0' },
  { key: 'status', label: 'Status', kind: 'choice', choices: ['proposed', 'draft', 'active', 'deprecated', 'retired'] },
  { key: 'domain', label: 'Domain', kind: 'text' },
  { key: 'dataProduct', label: 'Data product', kind: 'text' },
  { key: 'tenant', label: 'Tenant', kind: 'text' },
  { key: 'tags', label: 'Tags', kind: 'list' },
];

export const DESCRIPTION: FieldSpec[] = [
  { key: 'purpose', label: 'Purpose', kind: 'longtext', hint: 'Markdown' },
  { key: 'usage', label: 'Usage', kind: 'longtext' },
  { key: 'limitations', label: 'Limitations', kind: 'longtext' },
];

export const SCHEMA_OBJECT: FieldSpec[] = [
  { key: 'name', label: 'Name', kind: 'text', isRequired: true },
  { key: 'physicalName', label: 'Physical name', kind: 'text' },
  { key: 'physicalType', label: 'Physical type', kind: 'choice', choices: ['table', 'view', 'topic', 'file'] },
  { key: 'businessName', label: 'Business name', kind: 'text' },
  { key: 'description', label: 'Description', kind: 'longtext' },
  { key: 'dataGranularityDescription', label: 'Granularity', kind: 'text' },
  { key: 'tags', label: 'Tags', kind: 'list' },
];

export const PROPERTY_DETAILS: FieldSpec[] = [
  { key: 'description', label: 'Description', kind: 'longtext', hint: 'Markdown' },
  { key: 'businessName', label: 'Business name', kind: 'text' },
  { key: 'physicalType', label: 'Physical type', kind: 'text', hint: 'e.g. VARCHAR(36)' },
  { key: 'physicalName', label: 'Physical name', kind: 'text' },
  { key: 'primaryKeyPosition', label: 'Key position', kind: 'number' },
  {
    key: 'classification',
    label: 'Classification',
    kind: 'choice',
    choices: ['public', 'internal', 'restricted', 'confidential', 'pii'],
  },
  { key: 'examples', label: 'Examples', kind: 'list', listItems: 'of-field-type' },
  { key: 'tags', label: 'Tags', kind: 'list' },
  { key: 'criticalDataElement', label: 'Critical data element', kind: 'boolean' },
  { key: 'partitioned', label: 'Partitioned', kind: 'boolean' },
  { key: 'partitionKeyPosition', label: 'Partition position', kind: 'number' },
  { key: 'encryptedName', label: 'Encrypted name', kind: 'text' },
];

/** ODCS 3.2 only. */
export const SEMANTIC_TYPE: FieldSpec = { key: 'semanticType', label: 'Semantic type', kind: 'choice' };

export const TRANSFORM: FieldSpec[] = [
  { key: 'transformLogic', label: 'Transform logic', kind: 'longtext', hint: 'SQL or an expression' },
  { key: 'transformSourceObjects', label: 'Source objects', kind: 'list' },
  { key: 'transformDescription', label: 'Transform description', kind: 'longtext' },
];

/** A quality rule's threshold: one operator, so a value typed in one takes the rule's other away. */
const OPERATOR_SPECS: FieldSpec[] = [
  { key: 'mustBe', label: 'Must be', kind: 'yaml' },
  { key: 'mustNotBe', label: 'Must not be', kind: 'yaml' },
  { key: 'mustBeGreaterThan', label: 'Must be >', kind: 'number' },
  { key: 'mustBeGreaterOrEqualTo', label: 'Must be ≥', kind: 'number' },
  { key: 'mustBeLessThan', label: 'Must be <', kind: 'number' },
  { key: 'mustBeLessOrEqualTo', label: 'Must be ≤', kind: 'number' },
  { key: 'mustBeBetween', label: 'Must be between', kind: 'list', listItems: 'yaml', hint: 'low, high' },
  { key: 'mustNotBeBetween', label: 'Must not be between', kind: 'list', listItems: 'yaml', hint: 'low, high' },
];

const COMPARISON_OPERATORS: FieldSpec[] = OPERATOR_SPECS.map((spec) => ({
  ...spec,
  replaces: OPERATOR_SPECS.map((operator) => operator.key).filter((key) => key !== spec.key),
}));

export const QUALITY_RULE: FieldSpec[] = [
  { key: 'name', label: 'Name', kind: 'text' },
  { key: 'type', label: 'Type', kind: 'choice' },
  {
    key: 'metric',
    label: 'Metric',
    kind: 'choice',
    choices: ['nullValues', 'missingValues', 'invalidValues', 'duplicateValues', 'rowCount'],
  },
  { key: 'dimension', label: 'Dimension', kind: 'choice' },
  { key: 'description', label: 'Description', kind: 'text' },
  { key: 'query', label: 'Query (sql)', kind: 'longtext' },
  ...COMPARISON_OPERATORS,
  { key: 'unit', label: 'Unit', kind: 'choice', choices: ['rows', 'percent'] },
  { key: 'severity', label: 'Severity', kind: 'choice', choices: ['info', 'warning', 'error'] },
  { key: 'arguments', label: 'Arguments', kind: 'yaml', hint: 'e.g. { validValues: [a, b] }' },
];

export const RELATIONSHIP: FieldSpec[] = [
  { key: 'type', label: 'Type', kind: 'choice', choices: ['foreignKey'] },
  { key: 'to', label: 'To', kind: 'yaml', hint: 'object.property' },
  { key: 'from', label: 'From', kind: 'yaml', hint: 'object-level only' },
];

export const SERVER: FieldSpec[] = [
  { key: 'server', label: 'Server', kind: 'text', isRequired: true },
  { key: 'type', label: 'Type', kind: 'choice', isRequired: true },
  { key: 'environment', label: 'Environment', kind: 'choice', choices: ['prod', 'preprod', 'dev', 'uat'] },
  { key: 'description', label: 'Description', kind: 'text' },
  { key: 'host', label: 'Host', kind: 'text' },
  { key: 'port', label: 'Port', kind: 'number' },
  { key: 'database', label: 'Database', kind: 'text' },
  { key: 'schema', label: 'Schema', kind: 'text' },
  { key: 'topic', label: 'Topic', kind: 'text' },
  { key: 'format', label: 'Format', kind: 'choice' },
  { key: 'location', label: 'Location', kind: 'text' },
];

export const TEAM: FieldSpec[] = [
  { key: 'name', label: 'Team name', kind: 'text' },
  { key: 'description', label: 'Description', kind: 'text' },
];

export const TEAM_MEMBER: FieldSpec[] = [
  { key: 'username', label: 'Username', kind: 'text', isRequired: true },
  { key: 'name', label: 'Name', kind: 'text' },
  { key: 'role', label: 'Role', kind: 'choice', choices: ['Owner', 'Data Steward', 'Data Engineer', 'Data Scientist'] },
  { key: 'dateIn', label: 'Since', kind: 'text', hint: 'YYYY-MM-DD' },
  { key: 'dateOut', label: 'Until', kind: 'text' },
  { key: 'replacedByUsername', label: 'Replaced by', kind: 'text' },
];

export const SUPPORT_CHANNEL: FieldSpec[] = [
  { key: 'channel', label: 'Channel', kind: 'text', isRequired: true },
  { key: 'tool', label: 'Tool', kind: 'choice', choices: ['email', 'slack', 'teams', 'discord', 'ticket', 'other'] },
  { key: 'url', label: 'URL', kind: 'text' },
  { key: 'scope', label: 'Scope', kind: 'choice', choices: ['interactive', 'announcements', 'issues'] },
  { key: 'description', label: 'Description', kind: 'text' },
];

export const SLA_PROPERTY: FieldSpec[] = [
  { key: 'property', label: 'Property', kind: 'choice', isRequired: true, choices: SLA_PROPERTY_NAMES },
  { key: 'value', label: 'Value', kind: 'yaml' },
  { key: 'unit', label: 'Unit', kind: 'choice', choices: SLA_UNIT_NAMES },
  { key: 'element', label: 'Element', kind: 'text', hint: 'object.property' },
  { key: 'driver', label: 'Driver', kind: 'choice', choices: ['regulatory', 'analytics', 'operational'] },
  { key: 'description', label: 'Description', kind: 'text' },
];

export const ROLE: FieldSpec[] = [
  { key: 'role', label: 'Role', kind: 'text', isRequired: true },
  { key: 'access', label: 'Access', kind: 'choice', choices: ['read', 'write'] },
  { key: 'firstLevelApprovers', label: 'First approvers', kind: 'text' },
  { key: 'secondLevelApprovers', label: 'Second approvers', kind: 'text' },
  { key: 'description', label: 'Description', kind: 'text' },
];

export const PRICE: FieldSpec[] = [
  { key: 'priceAmount', label: 'Amount', kind: 'number' },
  { key: 'priceCurrency', label: 'Currency', kind: 'text' },
  { key: 'priceUnit', label: 'Unit', kind: 'text', hint: 'e.g. megabyte' },
];

export const CUSTOM_PROPERTY: FieldSpec[] = [
  { key: 'property', label: 'Property', kind: 'text', isRequired: true },
  { key: 'value', label: 'Value', kind: 'yaml' },
  { key: 'description', label: 'Description', kind: 'text' },
];

export const ENUM_VALUE: FieldSpec[] = [
  { key: 'value', label: 'Value', kind: 'yaml' },
  { key: 'label', label: 'Label', kind: 'text' },
  { key: 'description', label: 'Description', kind: 'text' },
];
