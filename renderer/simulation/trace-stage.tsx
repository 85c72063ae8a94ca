import { type HistoryColumns, historyColumnNames } from '../../shared/contracts/history-columns';
import type { ChangeTrace, TraceStage } from '../../shared/simulation';
import { payloadFirst } from '../../shared/simulation/payload-first';
import { changedFields } from '../../shared/simulation/record-diff';
import { envelopeTimes } from '../../shared/simulation/record-shape';
import { quarantiningCheckName } from '../../shared/simulation/trace-stage';
import { useDocumentStore } from '../store/document-store';
import { FieldTable, MessageCard } from './message-card';
import { useSimulationStore } from './simulation-store';
import { traceMomentText } from './trace-moment';

export const STAGE_LABELS: Record<TraceStage['kind'], string> = {
  'service-write': 'Service write',
  'table-row': 'Table row',
  'cdc-record': 'CDC record',
  'outbox-event': 'Outbox event',
  raw: 'Raw zone',
  clean: 'Clean zone',
  history: 'History',
  'output-port': 'Output port',
  transformation: 'Transformation',
};

/** One stage of a trace: where the change is, and the actual record there. */
export function TraceStageView({ stage, readAt }: { stage: TraceStage; readAt: ChangeTrace['readAt'] }) {
  return (
    <div {...traceStageAttributes(stage)}>
      <TraceStageHeading stage={stage} readAt={readAt} />
      <TraceStageBody stage={stage} />
    </div>
  );
}

/** The element that holds one stage, as tests and styles find it. */
export function traceStageAttributes(stage: TraceStage, extraClassName?: string) {
  return {
    className: `trace-stage trace-stage--${stage.kind}${extraClassName ? ` ${extraClassName}` : ''}`,
    'data-testid': 'trace-stage',
    'data-stage': stage.kind,
  };
}

/** Which stage this is, where, and when it was read. */
export function TraceStageHeading({ stage, readAt }: { stage: TraceStage; readAt: ChangeTrace['readAt'] }) {
  const runTick = useSimulationStore((state) => state.metrics?.tick);
  return (
    <>
      {stage.branch && (
        <p className={`trace-stage__branch trace-stage__branch--${stage.branch.kind}`} data-testid="trace-branch-label">
          {stage.branch.label}
        </p>
      )}
      <p className="trace-stage__kind">{STAGE_LABELS[stage.kind]}</p>
      <h4 className="trace-stage__title">{stage.title}</h4>
      <p className="trace-stage__moment" data-testid="trace-moment">
        {traceMomentText(stage.moment, readAt, runTick)}
      </p>
    </>
  );
}

/** What the stage holds: its contract check, its note, and the record or rows there. */
export function TraceStageBody({ stage }: { stage: TraceStage }) {
  return (
    <>
      {stage.check && (
        <p
          className={`trace-stage__check trace-stage__check--${stage.check.passed ? 'passed' : 'failed'}`}
          data-testid="contract-check"
        >
          {stage.check.passed
            ? `✓ Kept contract ${stage.check.contract}`
            : `✗ Quarantined by ${quarantiningCheckName(stage.check)}: ${stage.check.rule}${stage.check.property ? ` on ${stage.check.property}` : ''}: ${stage.check.message}`}
        </p>
      )}
      {stage.note && <p className="trace-stage__note">{stage.note}</p>}
      {stage.message && stage.log ? (
        <>
          <MessageCard log={stage.log} message={stage.message} isTraceable={false} showsChangedFirst />
          <EnvelopeTimes value={stage.message.value} />
        </>
      ) : stage.kind === 'raw' && stage.records.length === 1 ? (
        <RawZoneRow stage={stage} />
      ) : stage.records.length === 1 ? (
        <FieldTable
          record={stage.records[0] ?? {}}
          changed={stage.changed}
          changedFrom={stage.changedFrom}
          epochMillisColumns={stage.epochMillisColumns}
        />
      ) : (
        stage.records.length > 1 && <RowCards records={stage.records} versionColumns={stage.versionColumns} />
      )}
    </>
  );
}

/** A raw zone's row, its payload first: the engine's columns and the empty ones folded away beneath. */
function RawZoneRow({ stage }: { stage: TraceStage }) {
  const {
    payload: [payload = {}],
    folded: [folded = {}],
  } = payloadFirst(stage.records, stage.changed);
  const foldedCount = Object.keys(folded).length;
  const fieldTable = (record: Record<string, unknown>) => (
    <FieldTable record={record} changed={stage.changed} epochMillisColumns={stage.epochMillisColumns} />
  );
  return (
    <>
      {fieldTable(payload)}
      {foldedCount > 0 && (
        <details className="trace-stage__folded" data-testid="folded-columns">
          <summary>
            {foldedCount} engine and empty column{foldedCount === 1 ? '' : 's'}
          </summary>
          {fieldTable(folded)}
        </details>
      )}
    </>
  );
}

/** When a change record says its change was made and processed, which its card shows only in its JSON. */
function EnvelopeTimes({ value }: { value: unknown }) {
  const times = envelopeTimes(value);
  if (!times) return null;
  return (
    <div className="trace-stage__times">
      <FieldTable record={times} epochMillisColumns={Object.keys(times)} />
    </div>
  );
}

/**
 * Several rows (an entity's versions), a field table each so no column is cut off, side by side
 * where there is room; the fields that changed from the row before are marked.
 */
function RowCards({
  records,
  versionColumns,
}: {
  records: readonly Record<string, unknown>[];
  /** A history's versions: the columns that date them, shown first. */
  versionColumns: HistoryColumns | undefined;
}) {
  const leading = versionColumns ? historyColumnNames(versionColumns) : [];
  return (
    <ol className="trace-stage__rows">
      {records.map((record, index) => {
        const previous = records[index - 1];
        const ordered = Object.fromEntries([
          ...leading.filter((name) => name in record).map((name) => [name, record[name]]),
          ...Object.entries(record).filter(([name]) => !leading.includes(name)),
        ]);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a stage's rows are a fixed list
          <li key={index}>
            <p className="trace-stage__row-title">
              {versionColumns
                ? `version ${index + 1}${record[versionColumns.isCurrent] === 1 ? ' (current)' : ''}`
                : `row ${index + 1}`}
            </p>
            <FieldTable
              record={ordered}
              changed={previous && changedFields(previous, record).filter((name) => !leading.includes(name))}
            />
          </li>
        );
      })}
    </ol>
  );
}

/** The speaker notes per stage of the scenario being run. */
export function usePresenterNotes() {
  const scenarioId = useSimulationStore((state) => state.scenarioId);
  return useDocumentStore(
    (state) => state.mesh?.scenarios.find((scenario) => scenario.id === scenarioId)?.presenterNotes,
  );
}
