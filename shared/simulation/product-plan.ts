import { historyColumnsClashText, historyColumnsRemedy } from '../contracts/history-columns';
import { isRequiredAsKey } from '../contracts/primary-key';
import { type CarriedColumns, carriedInputColumnsOfSteps } from '../lineage/carried-input-columns';
import { contractOf, meshGraph } from '../lineage/mesh-graph';
import { productLineage } from '../lineage/product-lineage';
import { unclassifiedCopies } from '../lineage/unclassified-copies';
import type { DataProduct, Transformation } from '../model/data-product';
import { endpointName } from '../model/endpoints';
import { quoted } from '../model/isolated-names';
import type { Mesh } from '../model/mesh';
import { classificationLevelsOf } from '../model/policies';
import type { Port } from '../model/port';
import type { Problem } from '../model/problem';
import type { Dataset } from './dataset';
import { endpointKey, type LogPlan, type PlannedLog, type PortContract } from './log-plan';
import { rawTableName } from './sql-text';
import { claimTables, otherSpellingText, type TableClaims, type TableRefusal, type TableSources } from './table-claims';

export interface InputPlan {
  port: Port;
  path: string;
  linkId: string;
  source: PlannedLog;
  /** `raw_<port>`: every record consumed through this port, as it arrived. */
  rawTable: string;
  /** The clean table this input feeds; absent when its name is taken. */
  dataset?: Dataset;
}

export interface TransformationPlan {
  transformation: Transformation;
  path: string;
  /** Set when an output port publishes the step's result: the contract then shapes its table. */
  dataset?: Dataset;
  /** With `dataset`: the columns the contract of a port publishing it requires (a key part always), a NULL in which gets a record quarantined. */
  requiredColumns?: ReadonlySet<string>;
  /** The input ports whose clean tables the step's SQL reads, itself or through earlier steps. */
  inputPortIds: ReadonlySet<string>;
  /** Per input port, the result's columns holding a value of the port's row each result row meets (see `carriedInputColumnsOfSteps`). */
  carriedInputColumns: ReadonlyMap<string, CarriedColumns>;
}

export interface OutputPlan {
  port: Port;
  path: string;
  governing: PortContract;
  log: PlannedLog;
  dataset: Dataset;
  /** Properties carrying classified input data that the output contract does not classify alike. */
  untaggedClassifications: ReadonlyMap<string, string>;
}

export interface ProductPlan {
  product: DataProduct;
  path: string;
  inputs: InputPlan[];
  transformations: TransformationPlan[];
  outputs: OutputPlan[];
  /** The tables the product cannot build as designed (also in the pipeline's problems): what governance reports before a run. */
  tableRefusals: TableRefusal[];
}

/** A product's tables, named as `claimTables` says; a name used twice is a problem. */
export function planProduct(mesh: Mesh, productIndex: number, logs: LogPlan, problems: Problem[]): ProductPlan {
  const product = mesh.products[productIndex] as DataProduct;
  const path = `products[${productIndex}]`;
  const planned = product.inputPorts.flatMap((port, portIndex) => {
    const input = planInput(mesh, product, port, `${path}.inputPorts[${portIndex}]`, logs, problems);
    return input ? [input] : [];
  });
  const claims = claimTables({
    inputs: planned.map(({ port, path, rawTable, dataset }) => ({ port, path, rawTable, dataset: dataset as Dataset })),
    transformations: product.transformations.map((transformation, index) => ({
      transformation,
      path: `${path}.transformations[${index}]`,
    })),
    outputs: governedOutputs(product, path, logs),
  });
  for (const refusal of claims.refusals) problems.push(problemOf(refusal));

  const inputs = planned.map((input, index) => ({ ...input, dataset: claims.inputs[index]?.dataset }));
  const untaggedByPort = untaggedClassificationsByPort(mesh, product);
  const outputs = claims.outputs.flatMap(({ port, path: portPath, governing, dataset, isEventOfEntity }) => {
    if (isEventOfEntity) {
      const raw = inputs.find((input) => input.dataset === dataset)?.rawTable;
      problems.push({
        path: portPath,
        message: `publishes '${dataset.name}', an entity updated in place, under the event contract '${governing.contract.id}': events never change. Use an entity contract, or give the event its own name and derive it in a transformation${raw ? ` from '${raw}', where each change record has its own _sequence` : ''}`,
      });
      return [];
    }
    const log = logs.logs.get(endpointKey(product.id, port.id)) as PlannedLog;
    const untaggedClassifications = untaggedByPort.get(port.id) ?? new Map<string, string>();
    return [{ port, path: portPath, governing, log, dataset, untaggedClassifications }];
  });

  const inputsByStep = inputPortsReadByStep(mesh, product);
  const lineage = productLineage(meshGraph(mesh), product);
  const carriedByPort = product.inputPorts.map(
    (port) => [port.id, carriedInputColumnsOfSteps(lineage, port.id)] as const,
  );
  const transformations = claims.transformations.map((step) => {
    const index = product.transformations.indexOf(step.transformation);
    return {
      ...step,
      ...(step.dataset && { requiredColumns: requiredColumnsOf(step.dataset, claims.outputs) }),
      inputPortIds: inputsByStep.get(step.transformation) ?? new Set(product.inputPorts.map((port) => port.id)),
      carriedInputColumns: new Map(
        carriedByPort.flatMap(([portId, steps]) => {
          const carried = steps[index];
          return carried ? [[portId, carried] as const] : [];
        }),
      ),
    };
  });
  return { product, path, inputs, transformations, outputs, tableRefusals: claims.refusals };
}

/** The columns the contracts of the ports publishing `dataset` require (a key part always). */
function requiredColumnsOf(dataset: Dataset, outputs: TableClaims['outputs']): ReadonlySet<string> {
  return new Set(
    outputs
      .filter((output) => output.dataset === dataset)
      .flatMap((output) => output.governing.schemaObject.properties.filter(isRequiredAsKey))
      .map((property) => property.name),
  );
}

/** The product's output ports that publish a log, with the contract governing each. */
function governedOutputs(product: DataProduct, path: string, logs: LogPlan): TableSources['outputs'] {
  return product.outputPorts.flatMap((port, portIndex) => {
    const key = endpointKey(product.id, port.id);
    const governing = logs.portContracts.get(key);
    const log = logs.logs.get(key);
    if (!governing || !log) return [];
    return [{ port, path: `${path}.outputPorts[${portIndex}]`, governing, published: log.dataset }];
  });
}

/** The refusal as the run reports it. */
function problemOf(refusal: TableRefusal): Problem {
  switch (refusal.kind) {
    case 'name-taken': {
      const { holder } = refusal;
      const holderName = holder.kind === 'quarantine' ? '(the quarantine)' : holder.path;
      return {
        path: refusal.claimant.path,
        message: `table name '${refusal.table}' is already taken by ${holderName}${otherSpellingText(refusal)}`,
      };
    }
    case 'nothing-produces':
      return {
        path: refusal.path,
        message: `nothing produces table '${refusal.table}' to publish: name a transformation '${refusal.table}' or consume a stream that yields it`,
      };
    case 'history-columns':
      return {
        path: refusal.path,
        message: `keeps no history of '${refusal.table}': ${historyColumnsClashText(refusal.columns, refusal.prefix)}; ${historyColumnsRemedy(refusal.columns, refusal.prefix)}`,
      };
  }
}

/**
 * Per output port, its properties that copy classified input data (through any renames the
 * product's SQL makes) without its classification: the lineage the pii-propagation rule reads.
 */
function untaggedClassificationsByPort(mesh: Mesh, product: DataProduct): Map<string, Map<string, string>> {
  const graph = meshGraph(mesh);
  const byPort = new Map<string, Map<string, string>>();
  for (const copy of unclassifiedCopies(
    productLineage(graph, product),
    (id) => contractOf(graph, id),
    classificationLevelsOf(mesh.policies),
  )) {
    // Records are checked column by column; a nested copy is left to the pii-propagation rule.
    if (copy.field.parent !== undefined) continue;
    const untagged = byPort.get(copy.port.id) ?? new Map<string, string>();
    untagged.set(copy.field.property.name, copy.source.field.property.classification as string);
    byPort.set(copy.port.id, untagged);
  }
  return byPort;
}

/**
 * Per transformation, the input ports it reads, from the product's lineage. A port whose dataset
 * the lineage does not know may be read by any step: it is counted in.
 */
function inputPortsReadByStep(mesh: Mesh, product: DataProduct): Map<Transformation, ReadonlySet<string>> {
  const lineage = productLineage(meshGraph(mesh), product);
  const unknown = product.inputPorts.filter((port) => !lineage.inputs.has(port.id)).map((port) => port.id);
  return new Map(
    product.transformations.map((transformation, index) => [
      transformation,
      new Set([...(lineage.transformations[index]?.table.inputs ?? []), ...unknown]),
    ]),
  );
}

function planInput(
  mesh: Mesh,
  product: DataProduct,
  port: Port,
  path: string,
  logs: LogPlan,
  problems: Problem[],
): InputPlan | undefined {
  const links = mesh.links.filter((link) => link.to.nodeId === product.id && link.to.portId === port.id);
  const [link, ...extra] = links;
  if (!link) return undefined;
  if (extra.length > 0) {
    problems.push({
      path,
      message: `fed by ${links.length} links; only the one from ${quoted(endpointName(mesh, link.from))} is simulated: an input port consumes one dataset, so give the other source its own input port`,
    });
  }
  const source = logs.logs.get(endpointKey(link.from.nodeId, link.from.portId));
  if (!source) return undefined;
  const dataset: Dataset = {
    ...source.dataset,
    keepsHistory: false,
    tracksSourcePositions: source.log.format.kind === 'cdc',
  };
  return { port, path, linkId: link.id, source, rawTable: rawTableName(port.id), dataset };
}
