import { type ComponentType, useEffect, useState } from 'react';
import { useContractTabs } from '../contracts/contract-tabs-store';
import { Inspector } from '../inspector/inspector';
import { usePreferencesStore } from '../store/preferences-store';
import { ContractPanelBody } from './contract-panel';
import { PanelSplitter } from './panel-splitter';

interface SidePanelTab {
  id: string;
  title: string;
  Content: ComponentType;
}

function ContractTab() {
  const activeId = useContractTabs((state) => state.activeId);
  return activeId ? <ContractPanelBody contractId={activeId} /> : null;
}

const INSPECTOR: SidePanelTab = { id: 'inspector', title: 'Inspector', Content: Inspector };
/** The contract editor, when the user moved it here from beside the canvas. */
const CONTRACT: SidePanelTab = { id: 'contract', title: 'Contract', Content: ContractTab };

export function SidePanel() {
  const width = usePreferencesStore((state) => state.sidePanelWidth);
  const hasContractTab = usePreferencesStore((state) => state.contractPanelMode === 'tab');
  const contractId = useContractTabs((state) => state.activeId);
  const tabs = hasContractTab && contractId ? [INSPECTOR, CONTRACT] : [INSPECTOR];
  const [activeId, setActiveId] = useState(INSPECTOR.id);
  // Opening a contract, or moving the editor here, shows it.
  useEffect(() => {
    if (hasContractTab && contractId) setActiveId(CONTRACT.id);
  }, [hasContractTab, contractId]);
  const active = tabs.find((tab) => tab.id === activeId) ?? INSPECTOR;
  return (
    <>
      <PanelSplitter />
      <aside className="side-panel" style={{ width }} aria-label="Side panel">
        <div className="side-panel__tabs" role="tablist">
          {tabs.map((tab) => (
            <button
              key={tab.id}
              type="button"
              role="tab"
              id={`tab-${tab.id}`}
              aria-selected={tab.id === active.id}
              aria-controls={`tabpanel-${tab.id}`}
              className="side-panel__tab"
              onClick={() => setActiveId(tab.id)}
            >
              {tab.title}
            </button>
          ))}
        </div>
        <div
          className="side-panel__content"
          role="tabpanel"
          id={`tabpanel-${active.id}`}
          aria-labelledby={`tab-${active.id}`}
        >
          <active.Content />
        </div>
      </aside>
    </>
  );
}
