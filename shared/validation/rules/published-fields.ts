import { isRequiredAsKey } from '../../contracts/primary-key';
import { Memo } from '../../lineage/memo';
import type { MeshGraph } from '../../lineage/mesh-graph';
import { isNullInEveryRow } from '../../lineage/null-columns';
import type { ProductLineage } from '../../lineage/product-lineage';
import { sqlLineageOf } from '../../lineage/sql-lineage';
import { type ContractProperty, type DataProduct, quoted } from '../../model';
import { logicalTypeName } from '../../model/logical-type';
import { joinedWith, withIndefiniteArticle } from '../../model/word-list';
import { contractKey } from '../../simulation/dataset';
import { selectShape } from '../../simulation/select-check';
import { canHoldType, type SqlType, typesHeldBy } from '../../simulation/stored-types';
import type { TableClaims } from '../../simulation/table-claims';
import type { RuleFinding } from '../finding';
import { findingsPerLineage } from '../findings-per-lineage';
import { productPlace, transformationPlace } from '../places';
import { tableClaimsOf } from '../product-table-sources';
import type { Rule } from '../rule';

const findingsByProduct = new Memo<DataProduct, RuleFinding[]>();

export const publishedFieldsRule: Rule = {
  id: 'published-fields',
  title: 'A published table has every field its contract needs',
  rationale:
    "Without a transformation making it, a port publishes the table its input fills, columns as they come: a field its contract requires that the table lacks, or holds in a type the contract refuses, gets every record quarantined. A transformation whose result a port publishes must make every column the contract declares, or the step fails on every tick; one it gives NULL where the contract requires a value gets every record quarantined. Both once the design has a scenario to simulate: a sketch's transformations may not be written yet.",
  defaultSeverity: 'error',
  reads: ['products', 'links', 'contracts', 'systems', 'scenarios'],
  check({ mesh, graph }) {
    if (mesh.scenarios.length === 0) return [];
    return findingsPerLineage(findingsByProduct, graph, (product, lineage) => {
      const claims = tableClaimsOf(graph, product, productPlace(graph, product).path);
      const ofInputTables = publishedInputTables(claims).flatMap((published) =>
        published.required.flatMap((property) => {
          const problem = problemOf(published, property);
          return problem ? [findingOf(product, published, property, problem)] : [];
        }),
      );
      return [...ofInputTables, ...publishedStepFindings(graph, product, lineage, claims)];
    });
  },
};

/**
 * A step whose result a port publishes, where its SQL is read exactly: lacking a column the contract
 * declares, the engine refuses the result on every tick (transformation-step.ts); giving a field the
 * contract requires NULL in every row, the port quarantines every record.
 */
function publishedStepFindings(
  graph: MeshGraph,
  product: DataProduct,
  lineage: ProductLineage,
  claims: TableClaims,
): RuleFinding[] {
  return claims.transformations.flatMap(({ transformation, dataset }) => {
    const table = lineage.transformations.find((step) => step.transformation === transformation)?.table;
    const ports = claims.outputs.filter((output) => output.dataset === dataset);
    const [first] = ports;
    if (!dataset || !first || !hasCertainColumns(transformation.sql) || !table?.isExact) return [];
    const step: PublishedStep = {
      ...transformationPlace(graph, product, product.transformations.indexOf(transformation)),
      related: ports.map((output) => ({ kind: 'port', productId: product.id, portId: output.port.id }) as const),
      causingContractId: first.governing.contract.id,
      makes: `Transformation ${quoted(transformation.name)} of ${quoted(product.name)} makes the table output port ${quoted(first.port.name)} publishes`,
      contract: quoted(first.governing.contract.name),
    };
    const properties = first.governing.schemaObject.properties;
    const missing = dataset.columns
      .map((column) => column.name)
      .filter((name) => !table.columns.has(name.toLowerCase()));
    if (missing.length > 0) return [missingColumnsFinding(step, missing, properties)];
    const nulled = fieldsGivenNull(transformation.sql, properties);
    return nulled.length > 0 ? [nullFieldsFinding(step, nulled)] : [];
  });
}

/** Where a published step's finding is, and the words each finding starts from. */
type PublishedStep = Omit<RuleFinding, 'message' | 'fixHint'> & { makes: string; contract: string };

function missingColumnsFinding(
  { makes, contract, ...place }: PublishedStep,
  missing: string[],
  properties: readonly ContractProperty[],
): RuleFinding {
  const isOne = missing.length === 1;
  const them = isOne ? 'it' : 'them';
  const columns = `${isOne ? 'column' : 'columns'} ${missing.map(quoted).join(', ')}`;
  // A NULL for a field the contract requires would only trade the stopped step for quarantined records.
  const isAnyRequired = properties.some((property) => missing.includes(property.name) && isRequiredAsKey(property));
  const add = isAnyRequired
    ? `Add ${them} to the SELECT with ${isOne ? 'a computed value' : 'computed values'}, or make ${them} optional in or remove ${them} from contract ${contract}`
    : `Add ${them} to the SELECT (NULL AS ${missing[0]} where it has no value yet), or remove ${them} from contract ${contract}`;
  return {
    ...place,
    message: `${makes} without ${columns}, which contract ${contract} declares, so the step fails on every tick.`,
    fixHint: `${add}; as it is, the simulation stops the step: "its result has no ${isOne ? 'column' : 'columns'} ${missing.join(', ')}, which its contract declares".`,
  };
}

/** The fields the contract requires (a key part always) that every SELECT of the step's result gives NULL, as it is or through a CTE. */
function fieldsGivenNull(sql: string, properties: readonly ContractProperty[]): ContractProperty[] {
  const { query } = sqlLineageOf(sql);
  const first = query?.selects[0];
  if (!query || !first) return [];
  // A UNION names its result's columns after its first SELECT's, and fills them by position.
  return properties.filter(isRequiredAsKey).filter((property) => {
    const name = property.name.toLowerCase();
    const at = first.outputs.findIndex((output) => output.kind === 'value' && output.name === name);
    return at >= 0 && isNullInEveryRow(query, at);
  });
}

function nullFieldsFinding({ makes, contract, ...place }: PublishedStep, nulled: ContractProperty[]): RuleFinding {
  const [first] = nulled;
  const isOne = nulled.length === 1;
  const them = isOne ? 'it' : 'them';
  const fields = nulled.map((property) => quoted(property.name)).join(', ');
  const isAnyKey = nulled.some((property) => property.primaryKey);
  const optional = isAnyKey ? `take ${them} out of the key and make ${them} optional` : `make ${them} optional`;
  return {
    ...place,
    severity: 'warning',
    message: `${makes}, but every record will be quarantined: required ${isOne ? 'field' : 'fields'} ${fields} ${isOne ? 'is' : 'are'} given NULL, which contract ${contract} requires ${isOne ? 'a value' : 'values'} of.`,
    fixHint: `Compute ${isOne ? 'a value' : 'values'} for ${fields} in the SELECT, or ${optional} in contract ${contract}; as it is, the simulation quarantines every record the port publishes: "required on ${first?.name}".`,
  };
}

/** An output port that publishes an input's table as it comes, with the fields its contract requires. */
interface PublishedInputTable {
  output: TableClaims['outputs'][number];
  input: TableClaims['inputs'][number];
  required: ContractProperty[];
}

function publishedInputTables(claims: TableClaims): PublishedInputTable[] {
  return claims.outputs.flatMap((output) => {
    const input = claims.inputs.find((candidate) => candidate.dataset === output.dataset);
    // An event contract over an entity is refused before any record: immutable-events' to report.
    if (!input || output.isEventOfEntity) return [];
    // A key part is never null, whether or not it says required: the simulation holds it to that.
    const required = output.governing.schemaObject.properties.filter(isRequiredAsKey);
    return [{ output, input, required }];
  });
}

/**
 * Whether the SQL names its result's columns itself: one query (else transformation-sql reports
 * it), read exactly, no `*` whose columns depend on what it reads (an unknown table, a raw zone).
 */
function hasCertainColumns(sql: string): boolean {
  const { query } = sqlLineageOf(sql);
  const namesEachColumn = query?.selects.every((select) => select.outputs.every((output) => output.kind !== 'star'));
  return selectShape(sql).ok && namesEachColumn === true;
}

type FieldProblem = { kind: 'missing' } | { kind: 'type'; columnType: SqlType };

function problemOf({ output }: PublishedInputTable, property: ContractProperty): FieldProblem | undefined {
  const column = output.dataset.columns.find((candidate) => candidate.name === property.name);
  if (!column) return { kind: 'missing' };
  return canHoldType(column.type, property.logicalType) ? undefined : { kind: 'type', columnType: column.type };
}

function findingOf(
  product: DataProduct,
  { output, input }: PublishedInputTable,
  property: ContractProperty,
  problem: FieldProblem,
): RuleFinding {
  const { contract, schemaObject } = output.governing;
  const table = output.dataset;
  const publishes = `Output port ${quoted(output.port.name)} of ${quoted(product.name)} publishes the table its input port ${quoted(input.port.name)} fills (${quoted(table.name)}) as it comes`;
  const field = quoted(property.name);
  // An entity's deletion is checked only for its key.
  const isDeletionChecked =
    contract.kind === 'event' || contractKey(contract.kind, schemaObject.properties).includes(property.name);
  const quarantined = `so the simulation quarantines every record${isDeletionChecked ? '' : ' but deletions'}`;
  const element = { kind: 'port', productId: product.id, portId: output.port.id } as const;
  const related = [{ kind: 'port', productId: product.id, portId: input.port.id } as const];
  const place = { element, related, path: output.path, causingContractId: contract.id };
  const columns = table.columns.map((column) => column.name).join(', ');
  // The input's table already holds the schema object's name, which a published transformation must take.
  const viaTransformation = (doing: string) =>
    `${doing} in a transformation named like the contract's schema object, which first needs a new name (e.g. ${quoted(`${table.name}_published`)}): consumers read the published table by the name ${quoted(table.name)} and would then have to read the new one`;
  if (problem.kind === 'missing') {
    return {
      ...place,
      message: `${publishes}, which has no field ${field}: contract ${quoted(contract.name)} requires it, ${quarantined}.`,
      fixHint: `The table has ${columns}. ${property.primaryKey ? `Take ${field} out of the key and make it optional` : `Make ${field} optional`} in contract ${quoted(contract.name)}, have what input port ${quoted(input.port.name)} reads bring it, or ${viaTransformation(`add ${field}`)}.`,
    };
  }
  return {
    ...place,
    message: `${publishes}, whose field ${field} holds ${problem.columnType} values: contract ${quoted(contract.name)} requires ${withIndefiniteArticle(logicalTypeName(property.logicalType))}, ${quarantined}.`,
    fixHint: `Give ${field} a type its ${problem.columnType} column holds in contract ${quoted(contract.name)} (${joinedWith(typesHeldBy(problem.columnType), 'or')}), or ${viaTransformation(`cast it`)}.`,
  };
}
