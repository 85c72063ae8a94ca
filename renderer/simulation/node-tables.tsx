import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { quarantinedRecordKey } from '../../shared/simulation/quarantined-record';
import type { Zone } from '../../shared/simulation/run-catalog';
import { QUARANTINE_TABLE } from '../../shared/simulation/table-claims';
import { TabList } from '../app/tab-list';
import { DataGrid } from './data-grid';
import { LogMessages } from './log-messages';
import { simulation } from './simulation-controller';
import { setSimulation, useSimulationStore } from './simulation-store';

const ZONE_TITLES: Record<Zone, string> = {
  raw: 'raw',
  events: 'events',
  entities: 'entities',
  history: 'history',
  transformations: 'transformations',
  quarantine: 'quarantine',
};

type View =
  | { kind: 'table'; name: string; isRawZone?: boolean }
  | { kind: 'port'; log: string }
  | { kind: 'topic'; log: string };

/** Inside a product (raw, events, entities, history, transformations, ports, quarantine) or a system (tables, topics). */
export function NodeTables({ nodeId, kind, name }: { nodeId: string; kind: 'product' | 'system'; name: string }) {
  const product = useSimulationStore((state) => state.catalog?.products[nodeId]);
  const systemTables = useSimulationStore(useShallow((state) => Object.keys(state.metrics?.tables[nodeId] ?? {})));
  const topics = useSimulationStore(
    useShallow((state) =>
      Object.values(state.catalog?.logs ?? {}).filter((log) => kind === 'system' && log.log.startsWith(`${nodeId}/`)),
    ),
  );
  const views: { view: View; label: string; group: string }[] = product
    ? [
        ...product.tables.map((table) => ({
          view: { kind: 'table' as const, name: table.name, isRawZone: table.zone === 'raw' },
          label: table.name,
          group: ZONE_TITLES[table.zone],
        })),
        ...product.ports.map((port) => ({
          view: { kind: 'port' as const, log: port.log },
          label: port.name,
          group: 'output ports',
        })),
      ]
    : [
        ...systemTables.map((table) => ({
          view: { kind: 'table' as const, name: table },
          label: table,
          group: 'tables',
        })),
        ...topics.map((topic) => ({
          view: { kind: 'topic' as const, log: topic.log },
          label: topic.name,
          group: 'topics',
        })),
      ];
  // The quarantine stores each port's id; people read the name the canvas shows.
  const portNames = Object.fromEntries((product?.ports ?? []).map((port) => [port.portId, port.name]));
  // A quarantined record reads by its port's key; the whole record is in its tooltip.
  const recordByKey = (row: Readonly<Record<string, unknown>>) =>
    quarantinedRecordKey(row.record, product?.ports.find((port) => port.portId === row.port)?.key ?? []);
  const tabs = views.map((entry) => ({
    id: `${entry.group}/${entry.label}`,
    title: (
      <>
        <span className="node-tables__group">{entry.group}</span> {entry.label}
      </>
    ),
    view: entry.view,
  }));
  const [chosenId, setChosenId] = useState<string>();
  const current = tabs.find((tab) => tab.id === chosenId) ?? tabs[0];
  const idPrefix = useId();
  const tabElementId = (id: string) => `${idPrefix}tab-${tabs.findIndex((tab) => tab.id === id)}`;
  const panelElementId = `${idPrefix}tabpanel`;
  const traceRow = (table: string) => (row: Record<string, unknown>) =>
    void simulation.trace({ kind: 'row', nodeId, table, row });
  // A published record's `_position` is its place in the port's log.
  const traceRecord = (log: string) => (row: Record<string, unknown>) =>
    void simulation.trace({ kind: 'record', log, position: Number(row._position) });
  return (
    <section aria-label={`Inside ${name}`}>
      <h3 className="simulation-panel__title">
        Inside {name}
        <button type="button" className="link-button" onClick={() => setSimulation({ panelTab: 'sql' })}>
          Query with SQL
        </button>
      </h3>
      {current && (
        <>
          <TabList
            tabs={tabs}
            activeId={current.id}
            onSelect={setChosenId}
            tabElementId={tabElementId}
            panelElementId={() => panelElementId}
            label="Tables"
            classBlock="node-tables"
          />
          <div role="tabpanel" id={panelElementId} aria-labelledby={tabElementId(current.id)}>
            {current.view.kind === 'table' && (
              <DataGrid
                key={current.view.name}
                nodeId={nodeId}
                source={{ kind: 'table', table: current.view.name, isRawZone: current.view.isRawZone }}
                onTrace={traceRow(current.view.name)}
                namesByColumn={current.view.name === QUARANTINE_TABLE ? { port: portNames } : undefined}
                textByColumn={current.view.name === QUARANTINE_TABLE ? { record: recordByKey } : undefined}
              />
            )}
            {current.view.kind === 'port' && (
              <DataGrid
                key={current.view.log}
                nodeId={nodeId}
                source={{ kind: 'log', log: current.view.log }}
                onTrace={traceRecord(current.view.log)}
              />
            )}
            {current.view.kind === 'topic' && <LogMessages key={current.view.log} log={current.view.log} />}
          </div>
        </>
      )}
    </section>
  );
}
