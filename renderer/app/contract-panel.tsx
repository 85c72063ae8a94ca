import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import './contract-panel.css';
import { describeLink } from '../../shared/editing/link-description';
import { canvasCommands } from '../canvas/canvas-commands';
import { endsOf } from '../canvas/navigation';
import { useContractTabs } from '../contracts/contract-tabs-store';
import { ContractWorkspace } from '../contracts/contract-workspace';
import { linkCompatibilityOf } from '../contracts/link-compatibility';
import { useDocumentStore } from '../store/document-store';
import { CONTRACT_PANEL_WIDTH, type ContractPanelMode, usePreferencesStore } from '../store/preferences-store';
import { selectOnly } from '../store/selection-store';
import { Splitter } from './panel-splitter';

const WIDENED_WIDTH = 'min(54vw, 1100px)';

/** Short on screen (they share the row of contract tabs), named in full for assistive technology. */
const MODE_BUTTONS: ReadonlyArray<{ mode: ContractPanelMode; short: string; label: string; title: string }> = [
  {
    mode: 'docked',
    short: 'Beside',
    label: 'Beside canvas',
    title: 'Show the contract beside the canvas (drag its border to resize)',
  },
  {
    mode: 'maximized',
    short: 'Maximize',
    label: 'Maximize',
    title: 'Give the contract the whole window; the canvas waits behind it',
  },
  {
    mode: 'tab',
    short: 'Side panel',
    label: 'In side panel',
    title: 'Move the contract into a tab of the side panel, next to the inspector',
  },
];

/**
 * Where the contract editor lives: beside the canvas in a panel the user resizes, over the whole
 * workspace, or as a tab of the side panel; so an open contract never squeezes the canvas into a
 * strip. Above the editor, the links the contract breaks: a click shows the link on the canvas.
 */
export function ContractPanel() {
  const activeId = useContractTabs((state) => state.activeId);
  const mode = usePreferencesStore((state) => state.contractPanelMode);
  const width = usePreferencesStore((state) => state.contractPanelWidth);
  const setWidth = usePreferencesStore((state) => state.setContractPanelWidth);
  // The editor's own Widen: wide at once, yet the canvas keeps a strip; Narrow gives back the dragged width.
  const isWidened = useContractTabs((state) => state.isExpanded);
  if (!activeId || mode === 'tab') return null;
  const isResizable = mode === 'docked' && !isWidened;
  return (
    <>
      {isResizable && (
        <Splitter
          width={width}
          setWidth={setWidth}
          range={CONTRACT_PANEL_WIDTH}
          label="Resize the contract editor"
          testId="contract-splitter"
        />
      )}
      <div
        className={`contract-panel contract-panel--${mode}`}
        style={mode === 'docked' ? { width: isWidened ? WIDENED_WIDTH : width } : undefined}
        data-testid="contract-panel"
        data-mode={mode}
      >
        <ContractPanelBody />
      </div>
    </>
  );
}

/** The editor with its placement buttons and the links it breaks; also the side panel's Contract tab. */
export function ContractPanelBody() {
  const mode = usePreferencesStore((state) => state.contractPanelMode);
  const setMode = usePreferencesStore((state) => state.setContractPanelMode);
  return (
    <div className="contract-panel__body">
      <ContractWorkspace
        above={(activeId) => <BrokenLinks contractId={activeId} />}
        besideTabs={
          <fieldset className="segmented contract-panel__placement" aria-label="Where the contract editor is">
            {MODE_BUTTONS.map((button) => (
              <button
                key={button.mode}
                type="button"
                aria-pressed={mode === button.mode}
                aria-label={button.label}
                className={mode === button.mode ? 'is-active' : undefined}
                title={button.title}
                onClick={() => setMode(button.mode)}
              >
                {button.short}
              </button>
            ))}
          </fieldset>
        }
      />
    </div>
  );
}

interface BrokenLink {
  linkId: string;
  consumer: string;
  problems: string[];
}

/** The links fed by this contract's data whose consumers do not get what they need. */
function BrokenLinks({ contractId }: { contractId: string }) {
  // Only what the list depends on: moving nodes re-renders nothing here.
  const inputs = useDocumentStore(
    useShallow((state) => [state.mesh?.contracts, state.mesh?.links, state.mesh?.products, state.mesh?.systems]),
  );
  const broken = useMemo(() => {
    const mesh = inputs[0] && useDocumentStore.getState().mesh;
    if (!mesh) return [];
    const ports = new Set(
      mesh.products.flatMap((product) =>
        product.outputPorts.filter((port) => port.contractId === contractId).map((port) => `${product.id}/${port.id}`),
      ),
    );
    const compatibility = linkCompatibilityOf(mesh);
    return mesh.links.flatMap((link): BrokenLink[] => {
      const result = compatibility.get(link.id);
      if (!ports.has(`${link.from.nodeId}/${link.from.portId}`) || result?.status !== 'incompatible') return [];
      const consumer = describeLink(mesh, link.id)?.to ?? link.to.nodeId;
      return [{ linkId: link.id, consumer, problems: result.problems.map((problem) => problem.message) }];
    });
  }, [inputs, contractId]);
  if (broken.length === 0) return null;
  const show = (linkId: string) => {
    selectOnly([], [linkId]);
    // The canvas must be in sight to show the link: from behind a maximized editor it comes back narrower.
    if (usePreferencesStore.getState().contractPanelMode === 'maximized') {
      usePreferencesStore.getState().setContractPanelMode('docked');
    }
    canvasCommands.focusNodes(endsOf([linkId]));
  };
  return (
    <section className="broken-links" aria-label="Links this contract breaks" data-testid="broken-links">
      <h3>Breaks {broken.length === 1 ? '1 link' : `${broken.length} links`}</h3>
      <ul>
        {broken.map((link) => (
          <li key={link.linkId}>
            <button type="button" className="problem problem--error" onClick={() => show(link.linkId)}>
              <strong>{link.consumer}</strong>: {link.problems.join('; ')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
