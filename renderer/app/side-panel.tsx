import { type ComponentType, type KeyboardEvent, useEffect } from 'react';
import { useContractTabs } from '../contracts/contract-tabs-store';
import { ImpactPanel } from '../governance/impact-panel';
import { ProblemsPanel } from '../governance/problems-panel';
import { leaveInspectorFieldOnEscape } from '../inspector/fields/leave-field';
import { Inspector } from '../inspector/inspector';
import { usePreferencesStore } from '../store/preferences-store';
import { type SidePanelTab as TabId, useUiStore } from '../store/ui-store';
import { ContractPanelBody } from './contract-panel';
import { PanelSplitter } from './panel-splitter';
import { TabList } from './tab-list';

interface SidePanelTab {
  id: TabId;
  title: string;
  Content: ComponentType;
  onKeyDown?: (event: KeyboardEvent<HTMLElement>) => void;
}

function ContractTab() {
  const activeId = useContractTabs((state) => state.activeId);
  return activeId ? <ContractPanelBody /> : null;
}

const TABS: readonly SidePanelTab[] = [
  { id: 'inspector', title: 'Inspector', Content: Inspector, onKeyDown: leaveInspectorFieldOnEscape },
  { id: 'problems', title: 'Problems', Content: ProblemsPanel },
  { id: 'impact', title: 'Impact', Content: ImpactPanel },
];
/** The contract editor, when the user moved it here from beside the canvas. */
const CONTRACT: SidePanelTab = { id: 'contract', title: 'Contract', Content: ContractTab };

export function SidePanel() {
  const width = usePreferencesStore((state) => state.sidePanelWidth);
  const activeId = useUiStore((state) => state.sidePanelTab);
  const setActiveId = useUiStore((state) => state.showSidePanelTab);
  const hasContractTab = usePreferencesStore((state) => state.contractPanelMode === 'tab');
  const contractId = useContractTabs((state) => state.activeId);
  const tabs = hasContractTab && contractId ? [...TABS, CONTRACT] : TABS;
  // Opening a contract, or moving the editor here, shows it.
  useEffect(() => {
    if (hasContractTab && contractId) useUiStore.getState().showSidePanelTab('contract');
  }, [hasContractTab, contractId]);
  const active = tabs.find((tab) => tab.id === activeId) ?? (TABS[0] as SidePanelTab);
  return (
    <>
      <PanelSplitter />
      <aside className="side-panel" style={{ width }} aria-label="Side panel">
        <TabList
          tabs={tabs}
          activeId={active.id}
          onSelect={setActiveId}
          tabElementId={(id) => `tab-${id}`}
          panelElementId={(id) => `tabpanel-${id}`}
        />
        <div
          className="side-panel__content"
          role="tabpanel"
          id={`tabpanel-${active.id}`}
          aria-labelledby={`tab-${active.id}`}
          onKeyDown={active.onKeyDown}
        >
          <active.Content />
        </div>
      </aside>
    </>
  );
}
