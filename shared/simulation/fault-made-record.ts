import type { Fault } from '../model/scenario';
import { exactJsonText } from './exact-json';
import { FAULT_CARDS } from './fault-deck';
import { recordFieldName } from './log-format';
import type { LogRecord } from './log-reader';
import type { PipelinePlan } from './pipeline-plan';
import { changedFields } from './record-diff';
import { changeImages } from './record-shape';
import type { TimedFault } from './simulation';
import type { TraceStage } from './trace-stage';
import type { SourceTopic } from './write-branches';

export type NullFieldFault = Extract<Fault, { kind: 'null-field' }>;

/**
 * A trace of a record a `null-field` fault made, told as such: its service-write stage says no
 * write happened and which fault, at which tick, made the record; each entity that applied it says
 * where it now disagrees with the source of record. Any other trace is returned as it is.
 */
export function faultMadeStages(
  plan: PipelinePlan,
  faults: readonly TimedFault[],
  told: { topic: SourceTopic; record: LogRecord },
  stages: TraceStage[],
): TraceStage[] {
  const fault = nullFieldFaultOf(told.record, told.topic.log.table, faults);
  if (!fault) return stages;
  const resent = resentChange(told.record);
  const [write, row, ...followed] = stages;
  if (write?.kind !== 'service-write' || row?.kind !== 'table-row') return stages;
  const sourceRow = row.records[0];
  const sourceName = `${row.nodeId}'s ${row.source} row`;
  const readsTopic = (stage: TraceStage | undefined) =>
    stage?.kind === 'raw' &&
    plan.products.some(
      (product) =>
        product.product.id === stage.nodeId &&
        product.inputs.some(
          (input) => input.port.id === stage.portId && input.source.log.table === told.topic.log.table,
        ),
    );
  const appliedBy = (index: number) => {
    const before = followed[index - 1];
    return readsTopic(before) || (before?.kind === 'clean' && readsTopic(followed[index - 2]));
  };
  return [
    { ...write, ...faultMadeWrite(fault, resent, told.topic, row.source), records: [], changed: [] },
    row,
    ...followed.map((stage, index) => {
      if (readsTopic(stage)) return nulledInRawZone(stage, fault, resent, row.source);
      if (stage.kind === 'history' && appliedBy(index)) return withNote(stage, faultVersionNote(stage, fault));
      const entity = stage.records[0];
      if (stage.kind !== 'clean' || !appliedBy(index) || !entity || !sourceRow) return stage;
      return withNote(stage, disagreementWithSource(entity, sourceRow, sourceName));
    }),
  ];
}

function withNote(stage: TraceStage, note: string | undefined): TraceStage {
  if (!note) return stage;
  return { ...stage, note: stage.note ? `${stage.note} ${note}` : note };
}

function cardTitle(fault: NullFieldFault): string {
  return FAULT_CARDS.find((candidate) => candidate.kind === fault.kind)?.title ?? fault.kind;
}

/** How a note names the fault: its card's title and the tick it fired at. */
function faultPhrase(fault: NullFieldFault): string {
  return `the fault “${cardTitle(fault)}” at tick ${fault.tick}`;
}

/** A raw zone's row of the fault's record, its nulled column marked and the fault named. */
function nulledInRawZone(stage: TraceStage, fault: NullFieldFault, resent: ResentChange, table: string): TraceStage {
  const nulled = `after_${fault.column}`;
  const before = `before_${fault.column}`;
  const lacksBefore =
    resent.op === 'u'
      ? 'under REPLICA IDENTITY DEFAULT the record carries no before image'
      : `${resent.name} carries no before image`;
  const keptValue =
    stage.records[0]?.[before] == null
      ? `the ${table} row keeps its value; ${lacksBefore}, so ${before} is null too`
      : `${before} holds its value`;
  const marked = withNote(
    stage,
    `${nulled} is null: nulled by ${faultPhrase(fault)}, not by the service (${keptValue}).`,
  );
  return { ...marked, changed: [...(stage.changed ?? []), nulled] };
}

/** Which of an entity's versions the fault's record made: those with the fault's column null. */
function faultVersionNote(stage: TraceStage, fault: NullFieldFault): string | undefined {
  const versions = stage.records.flatMap((version, index) => (version[fault.column] === null ? [index + 1] : []));
  if (versions.length === 0) return undefined;
  const which = versions.length === 1 ? `Version ${versions[0]}` : `Versions ${versions.join(', ')}`;
  return `${which}, with ${fault.column} null, came from the record ${faultPhrase(fault)} made: the entity applied it, so its history keeps it.`;
}

/** The changes a `null-field` fault's record can re-send, which it keeps the op of, as notes name them. */
const RESENT_CHANGES: Readonly<Record<string, string>> = {
  c: 'a create',
  r: 'a snapshot read',
  u: 'an update',
};

/** The change a `null-field` fault's record re-sends: its op, and how a note names it. */
interface ResentChange {
  op: string;
  name: string;
}

function resentChange(record: Pick<LogRecord, 'value'>): ResentChange {
  const op = changeImages(record.value)?.op ?? 'u';
  return { op, name: RESENT_CHANGES[op] ?? `op ${op}` };
}

/**
 * The `null-field` fault that made a change record of `log` (`system/topic`), if one did: a create,
 * snapshot read or update (the op of the change it re-sends) written at the fault's tick whose after
 * image has the fault's column null where its before image has a value, or where it has no before
 * image (a create's, a read's, an update's under PostgreSQL's REPLICA IDENTITY DEFAULT).
 * No service write makes that: the table's column is NOT NULL, and the service kept its value.
 */
export function nullFieldFaultOf(
  record: Pick<LogRecord, 'value'>,
  log: string,
  faults: readonly TimedFault[],
): NullFieldFault | undefined {
  const images = changeImages(record.value);
  if (!images?.after || !(images.op in RESENT_CHANGES)) return undefined;
  const { before, after, source } = images;
  const fieldOf = (column: string) => recordFieldName({ connector: String(source.connector) }, column);
  return faults.find(
    ({ fault, millis }) =>
      fault.kind === 'null-field' &&
      `${fault.systemId}/${fault.topicId}` === log &&
      after[fieldOf(fault.column)] === null &&
      (before === null || before[fieldOf(fault.column)] != null) &&
      images.source.ts_ms === millis,
  )?.fault as NullFieldFault | undefined;
}

/** What the card of a record a `null-field` fault made says, so it is not read as a service's change. */
export function faultMadeRecordNote(fault: NullFieldFault, record: Pick<LogRecord, 'value'>): string {
  return `Injected by the null-field fault at tick ${fault.tick}: the service wrote nothing. It re-sends the row's last change record, ${resentPhrase(resentChange(record))}, with its transaction and log position, and ${fault.column} null.`;
}

const resentPhrase = ({ op, name }: ResentChange) => `${name} (op ${op})`;

function faultMadeWrite(
  fault: NullFieldFault,
  resent: ResentChange,
  topic: SourceTopic,
  table: string,
): Pick<TraceStage, 'title' | 'note' | 'moment'> {
  const card = cardTitle(fault);
  return {
    title: `No service write: the fault “${card}” made this record, at tick ${fault.tick}`,
    note: `The service wrote nothing: the fault “${card}”, fired at tick ${fault.tick}, injected this change record on ${topic.topic.name}, re-sending the row's last change, ${resentPhrase(resent)}, with ${fault.column} null and every other field as the ${table} row holds it. The row below is the service's, unchanged.`,
    moment: { kind: 'recorded', text: `Injected by the fault at tick ${fault.tick}` },
  };
}

/** Where an entity that applied a fault's record disagrees with the source of record, field by field; undefined where they agree. */
function disagreementWithSource(
  entity: Record<string, unknown>,
  sourceRow: Record<string, unknown>,
  sourceName: string,
): string | undefined {
  const differing = changedFields(sourceRow, entity).filter((name) => name in sourceRow);
  if (differing.length === 0) return undefined;
  const values = (row: Record<string, unknown>) =>
    differing.map((name) => `${name} ${exactJsonText(row[name])}`).join(', ');
  return `The entity now disagrees with the source of record: ${sourceName} has ${values(sourceRow)}, the entity ${values(entity)}.`;
}
