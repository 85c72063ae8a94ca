import type { ComponentType } from 'react';
import { ImpactPanel } from '../governance/impact-panel';
import { ProblemsPanel } from '../governance/problems-panel';
import { Inspector } from '../inspector/inspector';
import { usePreferencesStore } from '../store/preferences-store';
import { type SidePanelTab as TabId, useUiStore } from '../store/ui-store';
import { PanelSplitter } from './panel-splitter';

interface SidePanelTab {
  id: TabId;
  title: string;
  Content: ComponentType;
}

const TABS: readonly SidePanelTab[] = [
  { id: 'inspector', title: 'Inspector', Content: Inspector },
  { id: 'problems', title: 'Problems', Content: ProblemsPanel },
  { id: 'impact', title: 'Impact', Content: ImpactPanel },
];

export function SidePanel() {
  const width = usePreferencesStore((state) => state.sidePanelWidth);
  const activeId = useUiStore((state) => state.sidePanelTab);
  const setActiveId = useUiStore((state) => state.showSidePanelTab);
  const active = TABS.find((tab) => tab.id === activeId) ?? TABS[0];
  return (
    <>
      <PanelSplitter />
      <aside className="side-panel" style={{ width }} aria-label="Side panel">
        <div className="side-panel__tabs" role="tablist">
          {TABS.map((tab) => (
            <button
              key={tab.id}
              type="button"
              role="tab"
              id={`tab-${tab.id}`}
              aria-selected={tab.id === active?.id}
              aria-controls={`tabpanel-${tab.id}`}
              className="side-panel__tab"
              onClick={() => setActiveId(tab.id)}
            >
              {tab.title}
            </button>
          ))}
        </div>
        {active && (
          <div
            className="side-panel__content"
            role="tabpanel"
            id={`tabpanel-${active.id}`}
            aria-labelledby={`tab-${active.id}`}
          >
            <active.Content />
          </div>
        )}
      </aside>
    </>
  );
}
