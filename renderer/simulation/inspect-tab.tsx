import { productById, systemById } from '../../shared/editing/mesh-index';
import { useDocumentStore } from '../store/document-store';
import { useSelectionStore } from '../store/selection-store';
import { LogMessages } from './log-messages';
import { NodeTables } from './node-tables';
import { RunErrors } from './run-errors';
import { useSimulationStore } from './simulation-store';

/** What the selection holds inside the run: a link's messages, a product's or system's tables. */
export function InspectTab() {
  const linkId = useSelectionStore((state) => (state.linkIds.size === 1 ? [...state.linkIds][0] : undefined));
  const nodeId = useSelectionStore((state) => (state.nodeIds.size === 1 ? [...state.nodeIds][0] : undefined));
  const log = useSimulationStore((state) => (linkId ? state.catalog?.logOfLink[linkId] : undefined));
  const logName = useSimulationStore((state) => (log ? state.catalog?.logs[log]?.name : undefined));
  const product = useDocumentStore((state) => (state.mesh && nodeId ? productById(state.mesh, nodeId) : undefined));
  const system = useDocumentStore((state) => (state.mesh && nodeId ? systemById(state.mesh, nodeId) : undefined));
  const node = product
    ? { kind: 'product' as const, id: product.id, name: product.name }
    : system && { kind: 'system' as const, id: system.id, name: system.name };
  if (log) {
    return (
      <section aria-label="Link messages">
        <h3 className="simulation-panel__title">Messages on {logName}</h3>
        <LogMessages key={log} log={log} />
      </section>
    );
  }
  if (node) return <NodeTables key={node.id} nodeId={node.id} kind={node.kind} name={node.name} />;
  return (
    <section>
      <p className="simulation-panel__hint">
        Click a link to see its messages, or a product or system to look inside its tables. Each record can be traced
        end to end.
      </p>
      <RunErrors />
    </section>
  );
}
