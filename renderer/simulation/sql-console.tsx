import type * as Monaco from 'monaco-editor/editor/editor.api';
import { useEffect, useRef, useState } from 'react';
import type { QueryResult } from '../../shared/simulation';
import { locateSqlError } from '../../shared/simulation/sql-error-location';
import type { MonacoApi } from '../contracts/monaco/load-monaco';
import { useMonacoTheme } from '../contracts/monaco/use-monaco-theme';
import { useDocumentStore } from '../store/document-store';
import { useSelectionStore } from '../store/selection-store';
import { ValueTable } from './message-card';
import { loadMonacoSql } from './monaco-languages';
import { simulation } from './simulation-controller';
import { useSimulationStore } from './simulation-store';

const MARKER_OWNER = 'sql-console';
const NONE: readonly never[] = [];
type Outcome = { ok: true; result: QueryResult; millis: number } | { ok: false; message: string; millis: number };

/** Read-only SQL over one node's storage: results, timing, and errors at their place in the query. */
export function SqlConsole() {
  const products = useDocumentStore((state) => state.mesh?.products ?? NONE);
  const systems = useDocumentStore((state) => state.mesh?.systems ?? NONE);
  const nodes = [...products, ...systems];
  const selected = useSelectionStore((state) => (state.nodeIds.size === 1 ? [...state.nodeIds][0] : undefined));
  const [nodeId, setNodeId] = useState(() => selected ?? nodes[0]?.id ?? '');
  const rowsPerTable = useSimulationStore((state) => state.metrics?.tables[nodeId]);
  const tables = Object.entries(rowsPerTable ?? {});
  const container = useRef<HTMLDivElement>(null);
  const [monaco, setMonaco] = useState<MonacoApi | null>(null);
  const editor = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [isRunning, setRunning] = useState(false);
  useMonacoTheme(monaco);

  useEffect(() => {
    let isMounted = true;
    void loadMonacoSql().then((loaded) => isMounted && setMonaco(loaded));
    return () => {
      isMounted = false;
    };
  }, []);

  const run = async () => {
    const model = editor.current?.getModel();
    if (!monaco || !model) return;
    const sql = model.getValue();
    setRunning(true);
    const began = performance.now();
    const read = await simulation.query(nodeId, sql);
    const millis = Math.round(performance.now() - began);
    setRunning(false);
    setOutcome(read.ok ? { ok: true, result: read.result, millis } : { ok: false, message: read.message, millis });
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
    const created = monaco.editor.create(container.current, {
      value: 'SELECT * FROM quarantine LIMIT 50',
      language: 'sql',
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      lineNumbers: 'on',
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
    });
    created.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => void runRef.current());
    editor.current = created;
    return () => {
      created.getModel()?.dispose();
      created.dispose();
      editor.current = null;
    };
  }, [monaco]);

  const insert = (table: string) => {
    editor.current?.setValue(`SELECT * FROM ${/^[a-z_][a-z0-9_]*$/.test(table) ? table : `"${table}"`} LIMIT 100`);
    editor.current?.focus();
  };

  return (
    <section className="sql-console" aria-label="SQL console">
      <div className="sql-console__bar">
        <label>
          Storage of
          <select value={nodeId} onChange={(event) => setNodeId(event.target.value)} aria-label="Node to query">
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
      <div className="sql-console__body">
        <div ref={container} className="sql-console__editor" data-testid="sql-editor" />
        <ul className="sql-console__tables" aria-label="Tables">
          {tables.map(([table, rows]) => (
            <li key={table}>
              <button type="button" className="link-button" onClick={() => insert(table)}>
                {table}
              </button>{' '}
              <span>{rows}</span>
            </li>
          ))}
        </ul>
      </div>
      {!monaco && <p className="simulation-panel__hint">Loading editor…</p>}
      {outcome && <QueryOutcome outcome={outcome} />}
    </section>
  );
}

function QueryOutcome({ outcome }: { outcome: Outcome }) {
  if (!outcome.ok) {
    return (
      <p className="sql-console__error" role="alert" data-testid="sql-error">
        {outcome.message}
      </p>
    );
  }
  const { columns, rows, isTruncated } = outcome.result;
  return (
    <div className="sql-console__result" data-testid="sql-result">
      <p className="sql-console__timing">
        {rows.length} row{rows.length === 1 ? '' : 's'}
        {isTruncated ? ' (first 1,000)' : ''} in {outcome.millis} ms
      </p>
      <ValueTable columns={columns} rows={rows} />
    </div>
  );
}
