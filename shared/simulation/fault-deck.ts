import { linkDataset } from '../contracts/link-dataset';
import { meshGraph } from '../lineage/mesh-graph';
import { productLineage } from '../lineage/product-lineage';
import {
  type Endpoint,
  type Fault,
  type FaultKind,
  isLinkedFrom,
  type Mesh,
  type OperationalSystem,
  type Scenario,
  type SystemTable,
  type Topic,
} from '../model';
import { faultTargetName, faultWithTopic } from '../model/topic-references';
import type { FirstSent } from './broker-log';
import { faultCountProblem, offlineOutcome } from './fault-count';
import type { ResentRecords } from './simulation-metrics';

/** What the facilitator chose on a fault card; a card fires with it, from the deck or by key in presenter mode. */
export interface FaultSettings {
  /** `<systemId>/<topicId>`. */
  topic?: string;
  column?: string;
  productId?: string;
  count?: number;
  /** Ticks or Records as typed where the card refuses them (`0`, `1.5`): it fires nothing until they hold a count. */
  refusedCount?: string;
}

export interface TopicChoice {
  key: string;
  system: OperationalSystem;
  topic: Topic;
  /** The captured table, for a CDC topic. */
  table?: SystemTable;
}

export const FAULT_CARDS: readonly { kind: FaultKind; title: string; effect: string }[] = [
  {
    kind: 'consumer-offline',
    title: 'A consumer goes offline',
    effect: 'Its lag grows on the canvas, then it catches up.',
  },
  {
    kind: 'redeliver',
    title: 'Redelivery of the last records',
    effect: 'The link count jumps; raw zones keep duplicates, clean tables do not.',
  },
  {
    kind: 'null-field',
    title: 'A null in a required field',
    effect: 'A record with the column null is published on the topic; the contract check quarantines it.',
  },
  { kind: 'out-of-order', title: 'An out-of-order burst', effect: 'The last records arrive again, newest first.' },
  {
    kind: 'rename-column',
    title: 'A column renamed at the source',
    effect: 'Records carry the column under a new name only; the contract check catches it.',
  },
];

const needsTable = (kind: FaultKind) => kind === 'null-field' || kind === 'rename-column';

/** The topics a card can aim at: CDC topics only where a column is named. */
export function topicChoices(mesh: Mesh, kind: FaultKind): TopicChoice[] {
  const choices = mesh.systems.flatMap((system) =>
    system.messaging.topics.flatMap((topic) => {
      const source = topic.source;
      const table =
        source.kind === 'cdc' ? system.database.tables.find((candidate) => candidate.name === source.table) : undefined;
      if (needsTable(kind) && !table) return [];
      return [{ key: `${system.id}/${topic.id}`, system, topic, ...(table && { table }) }];
    }),
  );
  return readTopicsFirst(mesh, choices, ({ system, topic }) => ({ nodeId: system.id, portId: topic.id }));
}

/**
 * `topics` with those a product reads first, in their order, then the others: a fault or a walk
 * aimed at a topic nobody reads shows nothing downstream.
 */
export function readTopicsFirst<T>(mesh: Mesh, topics: readonly T[], endpointOf: (topic: T) => Endpoint): T[] {
  const isRead = (topic: T) => isLinkedFrom(mesh.links, endpointOf(topic));
  return [...topics.filter(isRead), ...topics.filter((topic) => !isRead(topic))];
}

/**
 * The columns a null or a rename can hit: not the key, which every record needs, nor one a rename in
 * `runFaults` renames away at any tick, as a column is renamed once in a run and its records then
 * carry it under the new name only.
 */
export function columnChoices(
  mesh: Mesh,
  kind: FaultKind,
  choice: TopicChoice | undefined,
  runFaults: readonly Fault[],
): string[] {
  const renamedAway = renamesOfTable(mesh, topicChoices(mesh, kind), choice, runFaults).map(({ column }) => column);
  return (choice?.table?.columns ?? [])
    .map((column) => column.name)
    .filter((name) => !choice?.table?.primaryKey.includes(name) && !renamedAway.includes(name));
}

export function defaultCount(kind: FaultKind): number {
  return kind === 'consumer-offline' ? 5 : 3;
}

/** Why a card, as set, fires nothing (the count typed on it is refused), or null: its Fire button and its key both wait. */
export function cardRefusal(kind: FaultKind, settings: FaultSettings): string | null {
  return settings.refusedCount === undefined ? null : faultCountProblem(kind, settings.refusedCount);
}

/**
 * The fault a card fires at `tick`, from its settings (the first choice where none was made); a
 * rename takes a name free of the renames in `runFaults` (the run's, the scenario's and the deck's).
 */
export function faultFrom(
  mesh: Mesh,
  kind: FaultKind,
  settings: FaultSettings,
  tick: number,
  runFaults: readonly Fault[],
): Fault | undefined {
  const count = settings.count ?? defaultCount(kind);
  if (kind === 'consumer-offline') {
    const productId = settings.productId ?? mesh.products[0]?.id;
    return productId ? { kind, tick, productId, ticks: count } : undefined;
  }
  const choices = topicChoices(mesh, kind);
  const choice = choices.find((candidate) => candidate.key === settings.topic) ?? choices[0];
  if (!choice) return undefined;
  const at = { tick, systemId: choice.system.id, topicId: choice.topic.id };
  if (kind === 'redeliver') return { kind, ...at, records: count };
  if (kind === 'out-of-order') return { kind, ...at, records: Math.max(2, count) };
  const columns = columnChoices(mesh, kind, choice, runFaults);
  const column = settings.column && columns.includes(settings.column) ? settings.column : columns[0];
  if (!column) return undefined;
  return kind === 'null-field'
    ? { kind, ...at, column }
    : { kind, ...at, column, renamedTo: newColumnName(column, namesTaken(mesh, choices, choice, runFaults)) };
}

/** The names of the chosen topic's table, and those a rename in `runFaults` gave a column of that table at any tick. */
function namesTaken(
  mesh: Mesh,
  choices: readonly TopicChoice[],
  choice: TopicChoice,
  runFaults: readonly Fault[],
): string[] {
  return [
    ...(choice.table?.columns ?? []).map((column) => column.name),
    ...renamesOfTable(mesh, choices, choice, runFaults).map(({ renamedTo }) => renamedTo),
  ];
}

type RenameFault = Extract<Fault, { kind: 'rename-column' }>;

/** The renames in `runFaults` of the chosen topic's table, through whichever of `choices` captures it. */
function renamesOfTable(
  mesh: Mesh,
  choices: readonly TopicChoice[],
  choice: TopicChoice | undefined,
  runFaults: readonly Fault[],
): RenameFault[] {
  if (!choice?.table) return [];
  const isOfTable = (fault: RenameFault) => {
    // A scenario may name the topic as the canvas shows it; choices know it by id.
    const { topicId } = faultWithTopic(mesh, fault);
    return (
      choices.find((other) => other.system.id === fault.systemId && other.topic.id === topicId)?.table === choice.table
    );
  };
  return runFaults.filter((fault): fault is RenameFault => fault.kind === 'rename-column' && isOfTable(fault));
}

/**
 * `email_v2`, or the first of `email_v3`, `email_v4`… not taken: the database renames to no name the
 * table has, and a name an earlier rename gave would carry two columns' values.
 */
function newColumnName(column: string, taken: readonly string[]): string {
  const isTaken = (name: string) => taken.includes(name);
  let version = 2;
  while (isTaken(`${column}_v${version}`)) version++;
  return `${column}_v${version}`;
}

/**
 * What firing a card does, in the words of what it is aimed at: for a null or a rename, the table,
 * column and topic, and the rule the contract check quarantines by.
 */
export function faultEffect(mesh: Mesh, kind: FaultKind, settings: FaultSettings, runFaults: readonly Fault[]): string {
  const generic = FAULT_CARDS.find((card) => card.kind === kind)?.effect ?? '';
  const fault = faultFrom(mesh, kind, settings, 0, runFaults);
  if (!fault || (fault.kind !== 'null-field' && fault.kind !== 'rename-column')) return generic;
  const choice = topicChoices(mesh, kind).find(
    (candidate) => candidate.system.id === fault.systemId && candidate.topic.id === fault.topicId,
  );
  if (!choice?.table) return generic;
  const field = `${choice.table.name}.${fault.column}`;
  const caught = (what: string) =>
    requiringContracts(mesh, fault).length === 0
      ? `no contract of a consumer of ${choice.topic.name} requires ${fault.column}, so nothing is quarantined and no badge lights up.`
      : `a consumer whose contract requires ${fault.column} quarantines ${what} (rule required, property ${fault.column}), and its badge lights up.`;
  return fault.kind === 'null-field'
    ? `A record with ${field} = null is published on ${choice.topic.name}, as a faulty producer would (the table itself keeps its value); ${caught('it')}`
    : `From the next tick the source calls ${field} ${fault.renamedTo}: each change on ${choice.topic.name} carries ${fault.renamedTo} and no ${fault.column}; ${caught('each one')}`;
}

/** A fault that has fired in a run: one the scenario schedules, or one the deck injected. */
export interface FiredFault {
  fault: Fault;
  source: 'scenario' | 'deck';
  /** Set for a later tick than the run's (fired just now, or stepped back past): it fires when the run steps on to it. */
  isPending: boolean;
}

/**
 * The faults of a run so far, in tick order: the scenario's whose tick has come by the end of
 * `tick`, and every one the deck fired (each set for the tick after the one it was fired in).
 */
export function faultsFiredSoFar(scheduled: readonly Fault[], fromDeck: readonly Fault[], tick: number): FiredFault[] {
  return [
    ...scheduled
      .filter((fault) => fault.tick <= tick)
      .map((fault): FiredFault => ({ fault, source: 'scenario', isPending: false })),
    ...fromDeck.map((fault): FiredFault => ({ fault, source: 'deck', isPending: fault.tick > tick })),
  ].sort((a, b) => a.fault.tick - b.fault.tick);
}

/**
 * A fired fault as Fired in this run lists it: its kind and target, with how many records a
 * redelivery sends; `resending` is what it sent once its tick has run (see `resendsOfRun`).
 */
export function firedFaultLabel(mesh: Mesh, fault: Fault, resending?: ResentRecords): string {
  const target = faultTargetName(mesh, fault);
  return fault.kind === 'redeliver' || fault.kind === 'out-of-order'
    ? `${fault.kind} ${sentCount(fault, resending)} of ${target}`
    : `${fault.kind} ${target}`;
}

function recordCount(records: number): string {
  return records === 1 ? '1 record' : `${records} records`;
}

type Resending = Extract<Fault, { kind: 'redeliver' | 'out-of-order' }>;

/**
 * How many records a redelivery sends again: as many as it asks for until its tick has run, then
 * as many as the run sent, which is all the topic held when that was fewer.
 */
function sentCount(fault: Resending, resending: ResentRecords | undefined): string {
  const sent = resending?.sent.length;
  return sent === undefined || sent === fault.records
    ? recordCount(fault.records)
    : `${recordCount(sent)} (all the topic held; ${fault.records} asked)`;
}

/** Where the records sent again were first sent, in the order they were sent again: `partition 0, offsets 3, 2, 1`. */
function firstSentText(sent: readonly FirstSent[]): string {
  const shown = sent.slice(0, MOST_OFFSETS_LISTED);
  const runs: { partition: number; offsets: number[] }[] = [];
  for (const { partition, offset } of shown) {
    const last = runs.at(-1);
    if (last?.partition === partition) last.offsets.push(offset);
    else runs.push({ partition, offsets: [offset] });
  }
  const listed = runs
    .map(
      ({ partition, offsets }) =>
        `partition ${partition}, offset${offsets.length === 1 ? '' : 's'} ${offsets.join(', ')}`,
    )
    .join('; ');
  return sent.length > shown.length ? `${listed} and ${sent.length - shown.length} more` : listed;
}

const MOST_OFFSETS_LISTED = 20;

/**
 * What a fired fault does, for the list of fired faults: which records a redelivery sends again;
 * for a null or a rename, the tick its change records reach the topic, and who quarantines them. A deck's fault is listed before its tick runs, and a
 * connector's delay holds a change back until the first tick at or after the change plus the delay.
 */
export function firedFaultOutcome(
  mesh: Mesh,
  fault: Fault,
  timing: Pick<Scenario, 'tickMillis' | 'connector'>,
  resending?: ResentRecords,
): string | undefined {
  if (fault.kind === 'redeliver' || fault.kind === 'out-of-order') {
    // The engine sends them after the tick's own changes are published, so those count among the last.
    const count = sentCount(fault, resending);
    const target = faultTargetName(mesh, fault);
    const endOfTick = `at the end of tick ${fault.tick}, those tick ${fault.tick} published included`;
    const newestFirst = fault.kind === 'out-of-order' ? ', newest first' : '';
    return resending
      ? `sent ${count} of ${target} again ${endOfTick}${newestFirst}: the records first sent at ${firstSentText(resending.sent)}.`
      : `the last ${count} on ${target} ${endOfTick}, are sent again${newestFirst}.`;
  }
  if (fault.kind === 'consumer-offline') return offlineOutcome(fault);
  if (fault.kind !== 'null-field' && fault.kind !== 'rename-column') return undefined;
  const topicName = faultTargetName(mesh, fault);
  const reachesTopicAt = fault.tick + Math.ceil((timing.connector?.delayMillis ?? 0) / timing.tickMillis);
  const what =
    fault.kind === 'null-field'
      ? `${fault.column} is nulled in a change record that reaches ${topicName} at tick ${reachesTopicAt}`
      : `${fault.column} is called ${fault.renamedTo} in the change records that reach ${topicName} from tick ${reachesTopicAt}`;
  const checks = requiringContracts(mesh, fault);
  return checks.length === 0
    ? `${what}; no consumer’s contract requires ${fault.column}, so nothing is quarantined.`
    : `${what}; the contract check of ${checks.map((check) => `${check.productName} (${check.contractId})`).join(', ')} quarantines ${fault.kind === 'null-field' ? 'it' : 'each'} when consumed.`;
}

/**
 * The contracts that catch a missing column: those of the topic's consumers' output ports whose
 * data comes from the topic (by the product's lineage; every port where it cannot tell) and that
 * require a property of the column's name (the check reads published records by name).
 */
function requiringContracts(
  mesh: Mesh,
  fault: Extract<Fault, { kind: 'null-field' | 'rename-column' }>,
): { productName: string; contractId: string }[] {
  const graph = meshGraph(mesh);
  const contractById = (id: string) => mesh.contracts.find((contract) => contract.id === id);
  // Links name the topic by id; a scenario may name it as the canvas shows it.
  const { topicId } = faultWithTopic(mesh, fault);
  const consumers = mesh.links.filter((link) => link.from.nodeId === fault.systemId && link.from.portId === topicId);
  return mesh.products.flatMap((product) => {
    const fedPorts = new Set(consumers.filter((link) => link.to.nodeId === product.id).map((link) => link.to.portId));
    if (fedPorts.size === 0) return [];
    const { outputs } = productLineage(graph, product);
    const readsTopic = (portId: string) =>
      [...(outputs.get(portId)?.inputs ?? fedPorts)].some((input) => fedPorts.has(input));
    return product.outputPorts.flatMap((port) => {
      if (!readsTopic(port.id)) return [];
      const governed = linkDataset({ kind: 'port', product, port }, contractById);
      const property = governed?.schema.properties.find((candidate) => candidate.name === fault.column);
      return governed?.contract && (property?.required || property?.primaryKey)
        ? [{ productName: product.name, contractId: governed.contract.id }]
        : [];
    });
  });
}

/** How a card of the fault deck was fired: with its number key in presenter mode, or its Fire button on the Faults tab. */
export type FiredWith = 'key' | 'button';

/**
 * What presenter mode says of a fault fired by key: which card, aimed at what, and whether the
 * tick it takes effect at has run yet (`ranTick`, the run's tick now), with its outcome where known.
 */
export function firedFaultNote(
  mesh: Mesh,
  fault: Fault,
  ranTick: number,
  timing?: Pick<Scenario, 'tickMillis' | 'connector'>,
  firedWith: FiredWith = 'key',
  resending?: ResentRecords,
): string {
  const key = FAULT_CARDS.findIndex((card) => card.kind === fault.kind) + 1;
  const firer = firedWith === 'key' ? `Key ${key}` : 'The Faults tab’s Fire button';
  const title = FAULT_CARDS[key - 1]?.title ?? fault.kind;
  const target = faultTargetName(mesh, fault);
  const when = ranTick < fault.tick ? `it takes effect at tick ${fault.tick}` : `it took effect at tick ${fault.tick}`;
  const outcome = ranTick >= fault.tick && timing ? firedFaultOutcome(mesh, fault, timing, resending) : undefined;
  return `${firer} fired “${title}” on ${target}: ${when}${outcome ? ` — ${outcome}` : '.'}`;
}
