import { historyColumnsClashText, historyColumnsRemedy } from '../../contracts/history-columns';
import { Memo } from '../../lineage/memo';
import { contractOf } from '../../lineage/mesh-graph';
import { type DataProduct, quoted } from '../../model';
import { capitalized } from '../../model/word-list';
import { rawTableName } from '../../simulation/sql-text';
import { otherSpellingText, type TableClaims, type TableNamer, type TableRefusal } from '../../simulation/table-claims';
import type { RuleFinding } from '../finding';
import { findingsPerLineage } from '../findings-per-lineage';
import { contractPlace, productPlace } from '../places';
import { tableClaimsOf } from '../product-table-sources';
import type { Rule, RuleContext } from '../rule';

/** Per product, its findings in a design that is simulated, and in a sketch that is not. */
const findingsByProduct = {
  simulated: new Memo<DataProduct, RuleFinding[]>(),
  sketched: new Memo<DataProduct, RuleFinding[]>(),
};

export const productTablesRule: Rule = {
  id: 'product-tables',
  title: "A product's tables have names of their own, and each published one is made",
  rationale:
    "A product builds a table per input, per transformation and per history it keeps, named as docs/simulation.md says, and publishes the table named after its contract's schema object. Two tables of one name, or (once the design has a scenario to simulate) a published table nothing makes, stop the simulation: these are its own checks, run before it. In a sketch without a scenario, a product without SQL that reads a system's stream publishes that stream's table as it comes, so a contract naming another table is a warning there.",
  defaultSeverity: 'error',
  reads: ['products', 'links', 'contracts', 'systems', 'scenarios'],
  check(context) {
    const isSimulated = context.mesh.scenarios.length > 0;
    const memo = isSimulated ? findingsByProduct.simulated : findingsByProduct.sketched;
    return findingsPerLineage(memo, context.graph, (product) => {
      const claims = tableClaimsOf(context.graph, product, productPlace(context.graph, product).path);
      return claims.refusals
        .filter((refusal) => !isThroughSelfLink(context, product, refusal))
        .flatMap((refusal) => {
          if (isSimulated || refusal.kind !== 'nothing-produces') return [findingOf(context, product, refusal)];
          // A published table nothing makes yet is what a sketch without SQL is: it matters only to a run.
          return publishesAStreamAsItComes(context, product)
            ? [sketchedFindingOf(context, product, refusal, claims)]
            : [];
        });
    });
  },
};

/**
 * A product without transformations that reads a system's stream publishes the stream's table as
 * it comes, with no SQL to write: a published table of another name is a slip even in a sketch.
 */
function publishesAStreamAsItComes({ graph }: RuleContext, product: DataProduct): boolean {
  return (
    product.transformations.length === 0 &&
    product.inputPorts.some((port) =>
      graph.linksInto({ nodeId: product.id, portId: port.id }).some((link) => graph.systems.has(link.from.nodeId)),
    )
  );
}

/**
 * In a sketch, which is not simulated, a published table nothing makes is a warning at the
 * contract's schema object, the name to change, shown on the port too.
 */
function sketchedFindingOf(
  context: RuleContext,
  product: DataProduct,
  refusal: Extract<TableRefusal, { kind: 'nothing-produces' }>,
  claims: TableClaims,
): RuleFinding {
  const finding = findingOf(context, product, refusal);
  const contract = contractOf(context.graph, refusal.port.contractId);
  if (!contract) return finding;
  const objectIndex = contract.schema.findIndex((object) => object.name === refusal.table);
  const broughtTables = claims.inputs.flatMap((input) => (input.dataset ? [quoted(input.dataset.name)] : []));
  return {
    ...finding,
    ...contractPlace(context.graph, contract, 'schema', objectIndex),
    related: [finding.element],
    isShownOnRelated: true,
    severity: 'warning',
    ...(broughtTables.length > 0 && {
      fixHint: `Name the schema object after ${broughtTables.length === 1 ? 'the table its input brings' : 'a table its inputs bring'} (${broughtTables.join(', ')}), which the port then publishes as it comes; or add a transformation named ${quoted(refusal.table)} that makes it.`,
    }),
  };
}

/** A product linked to itself reads a table it makes: self-links reports that, once. */
function isThroughSelfLink({ graph }: RuleContext, product: DataProduct, refusal: TableRefusal): boolean {
  if (refusal.kind !== 'name-taken' || refusal.claimant.kind !== 'input') return false;
  return graph
    .linksInto({ nodeId: product.id, portId: refusal.claimant.port.id })
    .some((link) => link.from.nodeId === product.id);
}

function findingOf(context: RuleContext, product: DataProduct, refusal: TableRefusal): RuleFinding {
  const productName = quoted(product.name);
  switch (refusal.kind) {
    case 'name-taken': {
      const { claimant, holder, table, heldAs } = refusal;
      return {
        element: elementOf(product, claimant),
        path: claimant.path,
        message: `${capitalized(namerText(claimant))} of ${productName} would ${verbOf(claimant)} table ${quoted(table)}, but ${holderText(holder, heldAs)} already has that name${otherSpellingText(refusal)}: the simulation leaves the ${leftOutText(claimant)} out.`,
        fixHint: nameTakenHint(context, product, refusal),
      };
    }
    case 'nothing-produces':
      return {
        element: { kind: 'port', productId: product.id, portId: refusal.port.id },
        path: refusal.path,
        message: `Output port ${quoted(refusal.port.name)} of ${productName} publishes table ${quoted(refusal.table)} (the schema object of contract ${quoted(contractName(context, refusal.port.contractId))}), but nothing in the product makes it: no transformation has that name and no input brings it.`,
        fixHint: `Name the transformation whose result the port publishes ${quoted(refusal.table)}, or link an input that brings a table of that name.`,
        fix: { kind: 'add-transformation', productId: product.id, name: refusal.table },
      };
    case 'history-columns':
      return {
        element: { kind: 'port', productId: product.id, portId: refusal.port.id },
        path: refusal.path,
        message: `Output port ${quoted(refusal.port.name)} of ${productName} keeps no history of ${quoted(refusal.table)}: ${historyColumnsClashText(refusal.columns, refusal.prefix)}.`,
        fixHint: `${capitalized(historyColumnsRemedy(refusal.columns, refusal.prefix))}; or publish the table under a contract that keeps no history.`,
      };
  }
}

type Claimant = Extract<TableRefusal, { kind: 'name-taken' }>['claimant'];

function elementOf(product: DataProduct, claimant: Claimant): RuleFinding['element'] {
  return claimant.kind === 'transformation'
    ? { kind: 'transformation', productId: product.id, name: claimant.transformation.name }
    : { kind: 'port', productId: product.id, portId: claimant.port.id };
}

function namerText(namer: Claimant): string {
  if (namer.kind === 'transformation') return `transformation ${quoted(namer.transformation.name)}`;
  return `${namer.kind === 'input' ? 'input' : 'output'} port ${quoted(namer.port.name)}`;
}

function verbOf(claimant: Claimant): string {
  if (claimant.kind === 'transformation') return 'make';
  return claimant.kind === 'input' ? 'fill' : 'keep its history in';
}

function leftOutText(claimant: Claimant): string {
  if (claimant.kind === 'transformation') return 'transformation';
  return claimant.kind === 'input' ? "input's table" : 'history';
}

function holderText(holder: TableNamer, table: string): string {
  switch (holder.kind) {
    case 'quarantine':
      return 'the table where the simulation keeps refused records';
    case 'transformation':
      return `transformation ${quoted(holder.transformation.name)}`;
    case 'history':
      return `the history table of output port ${quoted(holder.port.name)}`;
    case 'input':
      return table === rawTableName(holder.port.id)
        ? `the raw zone of input port ${quoted(holder.port.name)}`
        : `the table input port ${quoted(holder.port.name)} fills with what it reads`;
  }
}

function nameTakenHint(
  context: RuleContext,
  product: DataProduct,
  { claimant, holder, heldAs: table }: Extract<TableRefusal, { kind: 'name-taken' }>,
): string {
  const isInputTable = holder.kind === 'input' && table !== rawTableName(holder.port.id);
  if (claimant.kind === 'transformation') {
    const publisher = isInputTable ? portPublishing(context, product, table) : undefined;
    if (publisher) {
      return `Drop the transformation if the input's table already has the shape output port ${quoted(publisher.name)} publishes: the port then publishes it. Otherwise rename the transformation and the schema object of contract ${quoted(contractName(context, publisher.contractId))} alike (e.g. ${quoted(`${table}_published`)}): a port publishes the table named after its contract's schema object.`;
    }
    return 'Rename the transformation (and the schema object of a contract that publishes its result, alike).';
  }
  if (claimant.kind === 'input') {
    const other = holder.kind === 'transformation' ? holderText(holder, table) : "it in the producer's contract";
    return `An input's table is named after the schema object of what it reads: rename ${other}.`;
  }
  return `Rename ${holderText(holder, table)}, or publish the table under a contract that keeps no history.`;
}

/** The output port whose contract's first schema object, the table the port publishes in a simulation, names this table. */
function portPublishing(context: RuleContext, product: DataProduct, table: string) {
  return product.outputPorts.find(
    (port) => port.contractId !== undefined && contractOf(context.graph, port.contractId)?.schema[0]?.name === table,
  );
}

function contractName(context: RuleContext, contractId: string | undefined): string {
  const contract = contractId === undefined ? undefined : contractOf(context.graph, contractId);
  return contract?.name ?? contractId ?? '';
}
