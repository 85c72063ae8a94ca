import type { ComponentType } from 'react';
import { PanelSplitter } from '../app/panel-splitter';
import { PartBoundary } from '../app/part-boundary';
import { TabList } from '../app/tab-list';
import { usePreferencesStore } from '../store/preferences-store';
import { FaultDeck } from './fault-deck';
import { InspectTab } from './inspect-tab';
import { MetricsTab } from './metrics-tab';
import { ScenarioEditor } from './scenario-editor';
import { type PanelTab, setSimulation, useSimulationStore } from './simulation-store';
import { SqlConsole } from './sql-console';
import { TraceTab } from './trace-tab';
import './simulation.css';

const TABS: readonly { id: PanelTab; title: string; Content: ComponentType }[] = [
  { id: 'inspect', title: 'Inspect', Content: InspectTab },
  { id: 'sql', title: 'SQL', Content: SqlConsole },
  { id: 'metrics', title: 'Metrics', Content: MetricsTab },
  { id: 'trace', title: 'Trace', Content: TraceTab },
  { id: 'faults', title: 'Faults', Content: FaultDeck },
  { id: 'scenario', title: 'Scenario', Content: ScenarioEditor },
];

/** Simulate mode's side panel: what is inside the run, and the tools to work it. */
export function SimulationPanel() {
  const width = usePreferencesStore((state) => state.sidePanelWidth);
  const activeId = useSimulationStore((state) => state.panelTab);
  const active = TABS.find((tab) => tab.id === activeId) ?? (TABS[0] as (typeof TABS)[number]);
  return (
    <>
      <PanelSplitter />
      <aside
        className="side-panel simulation-panel"
        style={{ width: Math.max(width, 420) }}
        aria-label="Simulation panel"
      >
        <TabList
          tabs={TABS}
          activeId={active.id}
          onSelect={(id) => setSimulation({ panelTab: id })}
          tabElementId={(id) => `sim-tab-${id}`}
          panelElementId={() => 'sim-tabpanel'}
        />
        <div
          className="side-panel__content simulation-panel__content"
          role="tabpanel"
          id="sim-tabpanel"
          aria-labelledby={`sim-tab-${active.id}`}
        >
          <PartBoundary key={active.id} part={`${active.title} tab`}>
            <active.Content />
          </PartBoundary>
        </div>
      </aside>
    </>
  );
}
