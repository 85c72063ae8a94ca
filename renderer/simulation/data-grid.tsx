import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { ExactSqlValue } from '../../shared/simulation';
import {
  columnCharacterCap,
  type GridSource,
  rowCountSql,
  shownColumns,
  type TableSort,
  tablePageSql,
  wrapsColumn,
} from '../../shared/simulation/table-page';
import { formatValue } from './format-value';
import { rowCount } from './row-count';
import { simulatedTimeOfDay, useSecondDecimals } from './simulated-clock';
import { simulation } from './simulation-controller';
import { useSimulationStore } from './simulation-store';

const PAGE_ROWS = 100;
const ROW_HEIGHT = 26;
const TRACE_WIDTH = '64px';
const CELL_PADDING = '14px';
const MIN_COLUMN_CHARACTERS = 4;
const MAX_COLUMN_CHARACTERS = 40;

interface DataGridProps {
  /** The node whose connection reads the source. */
  nodeId: string;
  source: GridSource;
  /** Offered on each row: follow it through the mesh. */
  onTrace?: (row: Record<string, ExactSqlValue>) => void;
  /** Per column, the names people know stored ids by (a port's name for its id); the id stays in `data-value`. */
  namesByColumn?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Per column, what its cell says instead of its value, from the whole row (the value stays whole in the tooltip). */
  textByColumn?: Readonly<Record<string, (row: Readonly<Record<string, ExactSqlValue>>) => string | undefined>>;
}

/** A table or log of the run, a page at a time as it scrolls (only visible rows are drawn), sortable by any column. */
export function DataGrid({ nodeId, source, onTrace, namesByColumn, textByColumn }: DataGridProps) {
  const name = source.kind === 'table' ? source.table : source.log;
  const total = useRowCount(nodeId, source);
  const tick = useSimulationStore((state) => state.metrics?.tick);
  const decimals = useSecondDecimals();
  const clockTime = (millis: number) => simulatedTimeOfDay(millis, decimals);
  const [sort, setSort] = useState<TableSort | undefined>();
  const [columns, setColumns] = useState<string[]>([]);
  const [pages, setPages] = useState<ReadonlyMap<number, ExactSqlValue[][]>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const loading = useRef(new Set<number>());
  /** Bumped whenever loaded pages go stale, so an answer to an older query is dropped. */
  const generation = useRef(0);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const firstPage = Math.floor((items[0]?.index ?? 0) / PAGE_ROWS);
  const lastPage = Math.floor((items.at(-1)?.index ?? 0) / PAGE_ROWS);

  const forgetPages = () => {
    generation.current += 1;
    loading.current.clear();
    setPages(new Map());
  };
  // A new tick makes every loaded page stale.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the tick is the reason to reload
  useEffect(forgetPages, [tick, nodeId, name]);

  useEffect(() => {
    for (let page = firstPage; page <= lastPage || page === firstPage; page++) {
      if (pages.has(page) || loading.current.has(page)) continue;
      loading.current.add(page);
      const asked = generation.current;
      void simulation
        .query(nodeId, tablePageSql(source, { offset: page * PAGE_ROWS, limit: PAGE_ROWS, sort }))
        .then((read) => {
          if (asked !== generation.current) return;
          loading.current.delete(page);
          if (!read.ok) return setError(read.message);
          setError(null);
          setColumns(read.result.columns);
          setPages((loaded) => new Map(loaded).set(page, read.result.rows));
        });
    }
  }, [firstPage, lastPage, pages, nodeId, source, sort]);

  const rowAt = (index: number) => pages.get(Math.floor(index / PAGE_ROWS))?.[index % PAGE_ROWS];
  const textOf = (column: string, row: ExactSqlValue[] | undefined) => {
    const text = textByColumn?.[column];
    return text && row ? text(Object.fromEntries(columns.map((name, at) => [name, row[at] ?? null]))) : undefined;
  };
  // Pages of the old order go at once, so no row shows in the wrong place.
  const toggleSort = (column: string) => {
    forgetPages();
    setSort((current) =>
      current?.column !== column
        ? { column, descending: false }
        : current.descending
          ? undefined
          : { column, descending: true },
    );
  };
  const shown = shownColumns(source, columns);
  const widths = columnWidths(source, columns, pages, textOf, clockTime);
  const cellWidth = (at: number) => `calc(${widths[at]}ch + ${CELL_PADDING})`;
  const template = [...(onTrace ? [TRACE_WIDTH] : []), ...shown.map((at) => `minmax(${cellWidth(at)}, 1fr)`)].join(' ');
  const hasWrapping = columns.some((column) => wrapsColumn(source, column));
  const rowWidth = `calc(${[...(onTrace ? [TRACE_WIDTH] : []), ...shown.map(cellWidth)].join(' + ') || '0px'})`;

  if (error)
    return (
      <p className="simulation-panel__error" role="alert">
        {error}
      </p>
    );
  return (
    <section className="data-grid" aria-label={name} data-testid={`grid-${name}`}>
      <div className="data-grid__scroller" ref={scroller}>
        {/* Only the drawn rows are in the DOM: aria-rowcount and aria-rowindex tell a screen reader where they are. */}
        <table className="data-grid__table" aria-label={name} aria-rowcount={total + 1}>
          <thead>
            <tr
              className="data-grid__row data-grid__row--head"
              aria-rowindex={1}
              style={{ gridTemplateColumns: template, width: rowWidth }}
            >
              {onTrace && <td />}
              {shown.map((at) => {
                const column = columns[at] as string;
                const isSorted = sort?.column === column;
                return (
                  <th key={column} aria-sort={isSorted ? (sort.descending ? 'descending' : 'ascending') : undefined}>
                    <button type="button" title={`Sort by ${column}`} onClick={() => toggleSort(column)}>
                      {column}
                      {/* aria-sort says the direction: the arrow is for the eye, not part of the column's name. */}
                      {isSorted && <span aria-hidden="true">{sort.descending ? ' ▼' : ' ▲'}</span>}
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody style={{ height: virtualizer.getTotalSize(), width: rowWidth }}>
            {items.map((item) => {
              const row = rowAt(item.index);
              return (
                <tr
                  key={item.key}
                  data-index={item.index}
                  aria-rowindex={item.index + 2}
                  // A row with wrapped text is as tall as it needs: measured, so the rows after it move down.
                  ref={hasWrapping ? virtualizer.measureElement : undefined}
                  className="data-grid__row"
                  style={{
                    gridTemplateColumns: template,
                    width: rowWidth,
                    transform: `translateY(${item.start}px)`,
                    ...(hasWrapping ? { minHeight: ROW_HEIGHT } : { height: ROW_HEIGHT }),
                  }}
                >
                  {onTrace && (
                    <td>
                      {row && (
                        <button
                          type="button"
                          className="link-button"
                          onClick={() =>
                            onTrace(Object.fromEntries(columns.map((column, at) => [column, row[at] ?? null])))
                          }
                        >
                          Trace
                        </button>
                      )}
                    </td>
                  )}
                  {shown.map((at) => {
                    const column = columns[at] as string;
                    const value = row?.[at];
                    const named =
                      value === undefined || value === null ? undefined : namesByColumn?.[column]?.[String(value)];
                    const retold = textOf(column, row);
                    const shown = row
                      ? (retold ?? named ?? (isTimestamp(column, value) ? clockTime(value) : formatValue(value)))
                      : '…';
                    // A cell is cut to its column's width: its tooltip holds it whole (a timestamp's, its millis).
                    const whole = !row
                      ? undefined
                      : isTimestamp(column, value) || retold !== undefined
                        ? String(value)
                        : typeof shown === 'string'
                          ? shown
                          : undefined;
                    return (
                      <td
                        key={column}
                        title={whole}
                        data-value={named === undefined ? undefined : String(value)}
                        className={wrapsColumn(source, column) ? 'data-grid__cell--wraps' : undefined}
                      >
                        {shown}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="data-grid__count">{rowCount(total)}</p>
    </section>
  );
}

/** A log's `_timestamp` (epoch millis) reads as the simulated clock's time; its title keeps the millis. */
function isTimestamp(column: string, value: ExactSqlValue | undefined): value is number {
  return column === '_timestamp' && typeof value === 'number';
}

/** Each column as wide as its name or its widest loaded value (in characters), within bounds. */
function columnWidths(
  source: GridSource,
  columns: readonly string[],
  pages: ReadonlyMap<number, ExactSqlValue[][]>,
  textOf: (column: string, row: ExactSqlValue[]) => string | undefined,
  clockTime: (millis: number) => string,
): number[] {
  // Room for the name and a sort arrow.
  const widths = columns.map((column) => column.length + 3);
  for (const rows of pages.values()) {
    for (const row of rows) {
      row.forEach((value, at) => {
        const column = columns[at] as string;
        const text = textOf(column, row) ?? (isTimestamp(column, value) ? clockTime(value) : String(value ?? 'null'));
        widths[at] = Math.max(widths[at] ?? 0, text.length);
      });
    }
  }
  return widths.map((width, at) =>
    Math.min(
      columnCharacterCap(source, columns[at] as string) ?? MAX_COLUMN_CHARACTERS,
      Math.max(MIN_COLUMN_CHARACTERS, width),
    ),
  );
}

/** Rows in the source now: a table's from the tick's metrics, a log's counted, since retention drops its oldest. */
function useRowCount(nodeId: string, source: GridSource): number {
  const tableRows = useSimulationStore((state) =>
    source.kind === 'table' ? (state.metrics?.tables[nodeId]?.[source.table] ?? 0) : undefined,
  );
  const tick = useSimulationStore((state) => state.metrics?.tick);
  const [logRows, setLogRows] = useState(0);
  const log = source.kind === 'log' ? source.log : undefined;

  // biome-ignore lint/correctness/useExhaustiveDependencies: each tick may publish more records
  useEffect(() => {
    if (!log) return;
    let isCurrent = true;
    void simulation.query(nodeId, rowCountSql({ kind: 'log', log })).then((read) => {
      if (isCurrent && read.ok) setLogRows(Number(read.result.rows[0]?.[0] ?? 0));
    });
    return () => {
      isCurrent = false;
    };
  }, [nodeId, log, tick]);
  return tableRows ?? logRows;
}
