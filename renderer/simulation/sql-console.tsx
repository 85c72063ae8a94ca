import type * as Monaco from 'monaco-editor/editor/editor.api';
import { useEffect, useRef, useState } from 'react';
import { pickedTableSql } from '../../shared/simulation/picked-table-sql';
import type { GuidedTable } from '../../shared/simulation/run-catalog';
import { locateSqlError } from '../../shared/simulation/sql-error-location';
import { createEditorWithModels } from '../contracts/monaco/editor-with-models';
import { MONACO_CONTAINER, useMonaco } from '../contracts/monaco/use-monaco';
import { useMonacoTheme } from '../contracts/monaco/use-monaco-theme';
import { useDocumentStore } from '../store/document-store';
import { useSelectionStore } from '../store/selection-store';
import { ValueTable } from './message-card';
import { loadMonacoSql } from './monaco-languages';
import { resultAgeText } from './result-age';
import { rowCount } from './row-count';
import { formatSimulatedTime, useSecondDecimals } from './simulated-clock';
import { simulation } from './simulation-controller';
import { type ConsoleOutcome, type SimulationState, setSimulation, useSimulationStore } from './simulation-store';

const MARKER_OWNER = 'sql-console';
const NONE: readonly never[] = [];

/** Read-only SQL over one node's storage: results, timing, and errors at their place in the query. */
export function SqlConsole() {
  const products = useDocumentStore((state) => state.mesh?.products ?? NONE);
  const systems = useDocumentStore((state) => state.mesh?.systems ?? NONE);
  const nodes = [...products, ...systems];
  const selected = useSelectionStore((state) => (state.nodeIds.size === 1 ? [...state.nodeIds][0] : undefined));
  const kept = useSimulationStore.getState().console;
  const keptNode = nodes.find((node) => node.id === kept.nodeId)?.id;
  const [nodeId, setNodeId] = useState(() => selected ?? keptNode ?? nodes[0]?.id ?? '');
  const container = useRef<HTMLDivElement>(null);
  const monaco = useMonaco(loadMonacoSql);
  const editor = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  /** The query to show; a table picked before the editor has loaded is kept here for it. */
  const query = useRef(kept.query);
  const outcome = useSimulationStore((state) => state.consoleOutcome);
  const [isRunning, setRunning] = useState(false);
  useMonacoTheme(monaco);

  const run = async () => {
    const model = editor.current?.getModel();
    if (!monaco || !model) return;
    const sql = model.getValue();
    setRunning(true);
    // The last answer goes as the query starts: an old error must not pass for this query's.
    setSimulation({ consoleOutcome: null });
    const began = performance.now();
    const read = await simulation.query(nodeId, sql);
    const millis = Math.round(performance.now() - began);
    setRunning(false);
    setSimulation({
      consoleOutcome: read.ok
        ? { ok: true, result: read.result, millis, tick: read.tick, time: read.time }
        : { ok: false, message: read.message, millis },
    });
    const place = read.ok ? undefined : locateSqlError(sql, read.message);
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      place && !read.ok
        ? [
            {
              severity: monaco.MarkerSeverity.Error,
              message: read.message,
              startLineNumber: place.line,
              startColumn: place.column,
              endLineNumber: place.line,
              endColumn: place.endColumn,
            },
          ]
        : [],
    );
  };
  const runRef = useRef(run);
  runRef.current = run;

  useEffect(() => {
    if (!monaco || !container.current) return;
    const model = monaco.editor.createModel(query.current, 'sql');
    const { editor: created, dispose } = createEditorWithModels(
      monaco,
      container.current,
      { model, lineNumbers: 'on' },
      model,
    );
    created.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => void runRef.current());
    created.onDidChangeModelContent(() => {
      query.current = created.getValue();
      keepConsole({ query: query.current });
    });
    editor.current = created;
    return () => {
      dispose();
      editor.current = null;
    };
  }, [monaco]);

  const insert = (table: GuidedTable) => {
    query.current = pickedTableSql(table);
    keepConsole({ query: query.current });
    editor.current?.setValue(query.current);
    editor.current?.focus();
  };

  return (
    <section className="sql-console" aria-label="SQL console">
      <div className="sql-console__bar">
        <label>
          Storage of
          <select
            value={nodeId}
            onChange={(event) => {
              setNodeId(event.target.value);
              keepConsole({ nodeId: event.target.value });
            }}
            aria-label="Node to query"
            title={nodes.find((node) => node.id === nodeId)?.name}
          >
            {nodes.map((node) => (
              <option key={node.id} value={node.id}>
                {node.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="primary"
          disabled={!monaco || isRunning}
          onClick={() => void run()}
          title="Run (Ctrl+Enter)"
        >
          Run query
        </button>
        <span className="sql-console__note">read-only</span>
      </div>
      <div ref={container} className={`sql-console__editor ${MONACO_CONTAINER}`} data-testid="sql-editor" />
      {!monaco && <p className="simulation-panel__hint">Loading editor…</p>}
      {isRunning && <RunningFor />}
      {outcome && <QueryOutcome outcome={outcome} />}
      <TableGuide nodeId={nodeId} onPick={insert} />
    </section>
  );
}

const ZONE_TITLES: Record<GuidedTable['zone'], string> = {
  raw: 'raw',
  events: 'events',
  entities: 'entities',
  history: 'history',
  transformations: 'transformation',
  quarantine: 'quarantine',
  service: 'service table',
};

/** The node's tables beside the editor: rows, zone, what each holds and the rule that named it. */
function TableGuide({ nodeId, onPick }: { nodeId: string; onPick: (table: GuidedTable) => void }) {
  const guide = useSimulationStore((state) => state.catalog?.guides[nodeId] ?? NONE);
  const rowsPerTable = useSimulationStore((state) => state.metrics?.tables[nodeId]);
  return (
    <section className="table-guide" aria-label="Tables">
      <h3 className="simulation-panel__title">Tables</h3>
      <ul className="table-guide__list">
        {guide.map((entry) => (
          <li key={entry.table} data-testid={`table-guide-${entry.table}`}>
            <div className="table-guide__head">
              <button
                type="button"
                className="link-button table-guide__name"
                title={`Query ${entry.table}`}
                onClick={() => onPick(entry)}
              >
                {entry.table}
              </button>
              <span className="table-guide__zone" data-zone={entry.zone}>
                {ZONE_TITLES[entry.zone]}
              </span>
              <span className="table-guide__rows">{rowCount(rowsPerTable?.[entry.table] ?? 0)}</span>
            </div>
            <p className="table-guide__holds">{entry.holds}</p>
            <p className="table-guide__rule">Name: {entry.namedAfter}</p>
          </li>
        ))}
      </ul>
      {guide.length > 0 && (
        <p className="simulation-panel__hint">
          Tables whose names start with _ are the engine's own and are not listed.
        </p>
      )}
    </section>
  );
}

function keepConsole(patch: Partial<SimulationState['console']>): void {
  setSimulation({ console: { ...useSimulationStore.getState().console, ...patch } });
}

/** How long the query in flight has run, in whole seconds. */
function RunningFor() {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const timer = window.setInterval(() => setSeconds((elapsed) => elapsed + 1), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <p className="simulation-panel__hint" role="status" data-testid="sql-running">
      Running… {seconds} s
    </p>
  );
}

function QueryOutcome({ outcome }: { outcome: ConsoleOutcome }) {
  const runTick = useSimulationStore((state) => state.metrics?.tick);
  const decimals = useSecondDecimals();
  if (!outcome.ok) {
    return (
      <p className="sql-console__error" role="alert" data-testid="sql-error">
        {outcome.message}
      </p>
    );
  }
  const { columns, rows, isTruncated } = outcome.result;
  // A result read at an earlier tick stays for comparison, but must not pass for the current numbers.
  const isOlder = runTick !== undefined && runTick !== outcome.tick;
  return (
    <div className={`sql-console__result${isOlder ? ' sql-console__result--older' : ''}`} data-testid="sql-result">
      <p className="sql-console__timing">
        {resultSize(rows.length, isTruncated)} in {outcome.millis} ms
      </p>
      <p className="sql-console__age" data-testid="sql-result-age">
        {resultAgeText({ tick: outcome.tick, time: formatSimulatedTime(outcome.time, decimals) }, runTick, 'run again')}
      </p>
      <ValueTable columns={columns} rows={rows} />
    </div>
  );
}

/** The engine stops reading after the rows it shows, so a cut result's full size is not known. */
function resultSize(shown: number, isTruncated: boolean): string {
  const count = shown.toLocaleString('en');
  if (isTruncated) return `More than ${count} rows (the first ${count} shown)`;
  return rowCount(shown);
}
