import { contractOf, meshGraph } from '../lineage/mesh-graph';
import { productLineage } from '../lineage/product-lineage';
import { unclassifiedCopies } from '../lineage/unclassified-copies';
import type { DataProduct, Transformation } from '../model/data-product';
import { endpointName } from '../model/endpoints';
import { quoted } from '../model/isolated-names';
import type { Mesh } from '../model/mesh';
import type { Port } from '../model/port';
import type { Problem } from '../model/problem';
import { type Dataset, historyColumnClashes, historyTableName } from './dataset';
import { endpointKey, type LogPlan, type PlannedLog, type PortContract } from './log-plan';
import { rawTableName } from './sql-text';

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

/** What in a product names one of its tables. */
export type TableNamer =
  | { kind: 'input'; port: Port; path: string }
  | { kind: 'transformation'; transformation: Transformation; path: string }
  | { kind: 'history'; port: Port; path: string }
  | { kind: 'quarantine' };

/** A table the engine leaves out of a product's run, and why. */
export type TableRefusal =
  | { kind: 'name-taken'; table: string; claimant: Exclude<TableNamer, { kind: 'quarantine' }>; holder: TableNamer }
  | { kind: 'nothing-produces'; table: string; port: Port; path: string }
  | { kind: 'history-columns'; table: string; columns: string[]; port: Port; path: string };

export const QUARANTINE_TABLE = 'quarantine';

/**
 * How a product names its tables (see README.md): `raw_<port>` per input, a clean table per
 * input named after what it carries, one table per transformation named after the step, and
 * `<name>_history` beside entities published with history. A name used twice is a problem.
 */
export function planProduct(mesh: Mesh, productIndex: number, logs: LogPlan, problems: Problem[]): ProductPlan {
  const product = mesh.products[productIndex] as DataProduct;
  const path = `products[${productIndex}]`;
  const tableRefusals: TableRefusal[] = [];
  const refuse = (refusal: TableRefusal) => {
    tableRefusals.push(refusal);
    problems.push(problemOf(refusal));
  };
  const claimed = new Map<string, TableNamer>([[QUARANTINE_TABLE, { kind: 'quarantine' }]]);
  const claim = (table: string, claimant: Exclude<TableNamer, { kind: 'quarantine' }>): boolean => {
    const holder = claimed.get(table);
    if (holder === undefined) {
      claimed.set(table, claimant);
      return true;
    }
    refuse({ kind: 'name-taken', table, claimant, holder });
    return false;
  };

  const inputs = product.inputPorts.flatMap((port, portIndex) => {
    const portPath = `${path}.inputPorts[${portIndex}]`;
    const input = planInput(mesh, product, port, portPath, logs, problems);
    if (!input) return [];
    const namer = { kind: 'input', port, path: portPath } as const;
    claim(input.rawTable, namer);
    if (input.dataset && !claim(input.dataset.name, namer)) input.dataset = undefined;
    return [input];
  });

  const published = publishedDatasets(product, logs);
  const transformations = product.transformations.flatMap((transformation, index) => {
    const stepPath = `${path}.transformations[${index}]`;
    if (!claim(transformation.name, { kind: 'transformation', transformation, path: stepPath })) return [];
    const dataset = published.get(transformation.name);
    return [{ transformation, path: stepPath, dataset: dataset && { ...dataset, keepsHistory: false } }];
  });

  const datasets = new Map<string, Dataset>();
  for (const holder of [...inputs, ...transformations]) {
    if (holder.dataset) datasets.set(holder.dataset.name, holder.dataset);
  }
  const untaggedByPort = untaggedClassificationsByPort(mesh, product);
  const outputs = product.outputPorts.flatMap((port, portIndex) => {
    const portPath = `${path}.outputPorts[${portIndex}]`;
    const key = endpointKey(product.id, port.id);
    const governing = logs.portContracts.get(key);
    const log = logs.logs.get(key);
    if (!governing || !log) return [];
    const dataset = datasets.get(governing.schemaObject.name);
    if (!dataset) {
      refuse({ kind: 'nothing-produces', table: governing.schemaObject.name, port, path: portPath });
      return [];
    }
    if (governing.contract.kind === 'event' && dataset.kind === 'entity') {
      const raw = inputs.find((input) => input.dataset === dataset)?.rawTable;
      problems.push({
        path: portPath,
        message: `publishes '${dataset.name}', an entity updated in place, under the event contract '${governing.contract.id}': events never change. Use an entity contract, or give the event its own name and derive it in a transformation${raw ? ` from '${raw}', where each change record has its own _sequence` : ''}`,
      });
      return [];
    }
    if (governing.contract.kind === 'entity' && governing.contract.keepHistory && dataset.kind === 'entity') {
      const clashes = historyColumnClashes(dataset);
      if (clashes.length > 0) {
        refuse({ kind: 'history-columns', table: dataset.name, columns: clashes, port, path: portPath });
      } else if (!dataset.keepsHistory && claim(historyTableName(dataset), { kind: 'history', port, path: portPath })) {
        dataset.keepsHistory = true;
      }
    }
    const untaggedClassifications = untaggedByPort.get(port.id) ?? new Map<string, string>();
    return [{ port, path: portPath, governing, log, dataset, untaggedClassifications }];
  });

  return { product, path, inputs, transformations, outputs, tableRefusals };
}

/** The refusal as the run reports it. */
function problemOf(refusal: TableRefusal): Problem {
  switch (refusal.kind) {
    case 'name-taken': {
      const { holder } = refusal;
      const holderName = holder.kind === 'quarantine' ? '(the quarantine)' : holder.path;
      return {
        path: refusal.claimant.path,
        message: `table name '${refusal.table}' is already taken by ${holderName}`,
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
        message: `keeps no history of '${refusal.table}': its own columns ${refusal.columns.map((name) => `'${name}'`).join(', ')} are the names history versions need; rename them to keep history`,
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
  for (const copy of unclassifiedCopies(productLineage(graph, product), (id) => contractOf(graph, id))) {
    const untagged = byPort.get(copy.port.id) ?? new Map<string, string>();
    untagged.set(copy.property.name, copy.source.field.classification as string);
    byPort.set(copy.port.id, untagged);
  }
  return byPort;
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

/** The contract-shaped dataset each table name is published as (the first port wins). */
function publishedDatasets(product: DataProduct, logs: LogPlan): Map<string, Dataset> {
  const published = new Map<string, Dataset>();
  for (const port of product.outputPorts) {
    const planned = logs.logs.get(endpointKey(product.id, port.id));
    if (planned && !published.has(planned.dataset.name)) published.set(planned.dataset.name, planned.dataset);
  }
  return published;
}
