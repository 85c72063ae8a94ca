import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { SqlValue } from '../../shared/simulation';
import { type TableSort, tablePageSql } from '../../shared/simulation/table-page';
import { formatValue } from './format-value';
import { simulation } from './simulation-controller';
import { useSimulationStore } from './simulation-store';

const PAGE_ROWS = 100;
const ROW_HEIGHT = 26;

interface DataGridProps {
  nodeId: string;
  table: string;
  /** Offered on each row: follow it through the mesh. */
  onTrace?: (row: Record<string, SqlValue>) => void;
}

/** A table of the run, a page at a time as it scrolls (only visible rows are drawn), sortable by any column. */
export function DataGrid({ nodeId, table, onTrace }: DataGridProps) {
  const total = useSimulationStore((state) => state.metrics?.tables[nodeId]?.[table] ?? 0);
  const tick = useSimulationStore((state) => state.metrics?.tick);
  const [sort, setSort] = useState<TableSort | undefined>();
  const [columns, setColumns] = useState<string[]>([]);
  const [pages, setPages] = useState<ReadonlyMap<number, SqlValue[][]>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const loading = useRef(new Set<number>());
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

  // A new tick or another order makes every loaded page stale.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the tick is the reason to reload
  useEffect(() => {
    loading.current.clear();
    setPages(new Map());
  }, [tick, sort, nodeId, table]);

  useEffect(() => {
    for (let page = firstPage; page <= lastPage || page === firstPage; page++) {
      if (pages.has(page) || loading.current.has(page)) continue;
      loading.current.add(page);
      void simulation
        .query(nodeId, tablePageSql(table, { offset: page * PAGE_ROWS, limit: PAGE_ROWS, sort }))
        .then((read) => {
          if (!loading.current.has(page)) return;
          loading.current.delete(page);
          if (!read.ok) return setError(read.message);
          setError(null);
          setColumns(read.result.columns);
          setPages((loaded) => new Map(loaded).set(page, read.result.rows));
        });
    }
  }, [firstPage, lastPage, pages, nodeId, table, sort]);

  const rowAt = (index: number) => pages.get(Math.floor(index / PAGE_ROWS))?.[index % PAGE_ROWS];
  const toggleSort = (column: string) =>
    setSort((current) =>
      current?.column !== column
        ? { column, descending: false }
        : current.descending
          ? undefined
          : { column, descending: true },
    );
  const template = `${onTrace ? '56px ' : ''}${columns.map(() => 'minmax(90px, 1fr)').join(' ')}`;

  if (error)
    return (
      <p className="simulation-panel__error" role="alert">
        {error}
      </p>
    );
  return (
    <section className="data-grid" aria-label={table} data-testid={`grid-${table}`}>
      <div className="data-grid__scroller" ref={scroller}>
        <div className="data-grid__row data-grid__row--head" style={{ gridTemplateColumns: template }}>
          {onTrace && <span />}
          {columns.map((column) => (
            <button key={column} type="button" title={`Sort by ${column}`} onClick={() => toggleSort(column)}>
              {column}
              {sort?.column === column && (sort.descending ? ' ▼' : ' ▲')}
            </button>
          ))}
        </div>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            return (
              <div
                key={item.key}
                className="data-grid__row"
                style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              >
                {onTrace && (
                  <span>
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
                  </span>
                )}
                {columns.map((column, at) => (
                  <span key={column}>{row ? formatValue(row[at]) : '…'}</span>
                ))}
              </div>
            );
          })}
        </div>
      </div>
      <p className="data-grid__count">{total.toLocaleString('en')} rows</p>
    </section>
  );
}
