import { type ComponentType, useState } from 'react';
import { Inspector } from '../inspector/inspector';
import { usePreferencesStore } from '../store/preferences-store';
import { PanelSplitter } from './panel-splitter';

interface SidePanelTab {
  id: string;
  title: string;
  Content: ComponentType;
}

/** The panel's tabs; the contract editor and the problems list will join the inspector here. */
const TABS: readonly SidePanelTab[] = [{ id: 'inspector', title: 'Inspector', Content: Inspector }];

export function SidePanel() {
  const width = usePreferencesStore((state) => state.sidePanelWidth);
  const [activeId, setActiveId] = useState(TABS[0]?.id);
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
