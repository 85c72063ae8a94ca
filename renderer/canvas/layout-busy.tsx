import { Panel } from '@xyflow/react';
import { shownChord } from '../commands/command-hints';
import { useUiStore } from '../store/ui-store';
import { canvasCommands } from './canvas-commands';

/** While auto-layout computes (in a worker), the canvas says so and offers to stop it. */
export function LayoutBusy() {
  const isLayingOut = useUiStore((state) => state.isLayingOut);
  if (!isLayingOut) return null;
  return (
    <Panel position="top-center" className="layout-busy" data-testid="layout-busy">
      <span className="spinner" aria-hidden="true" />
      <span role="status">Laying out the mesh…</span>
      <button
        type="button"
        onClick={canvasCommands.cancelAutoLayout}
        title={`Stop auto-layout (${shownChord('select.clear')})`}
      >
        Cancel
      </button>
    </Panel>
  );
}
