import { useShallow } from 'zustand/react/shallow';
import type { LogMessage } from '../../shared/simulation';
import { useDocumentStore } from '../store/document-store';
import { RowsTable } from './message-card';
import { useSimulationStore } from './simulation-store';
import './example-records.css';

const NONE: LogMessage[] = [];

/** An output port's records from the last run: up to 20, each one published after its contract check. */
export function PortExampleRecords({ productId, portId }: { productId: string; portId: string }) {
  const examples = useSimulationStore((state) => state.examples[`${productId}/${portId}`] ?? NONE);
  const tick = useSimulationStore((state) => state.examplesTick);
  if (examples.length === 0) return null;
  return (
    <details className="example-records" data-testid={`examples-${productId}-${portId}`}>
      <summary>
        Example records ({examples.length}, from the last run at tick {tick})
      </summary>
      <RecordsTable messages={examples} />
    </details>
  );
}

/** Example records of every port a contract governs, for the contract form beside its schema. */
export function ContractExampleRecords({ contractId }: { contractId: string }) {
  const ports = useDocumentStore(
    useShallow((state) =>
      (state.mesh?.products ?? []).flatMap((product) =>
        product.outputPorts.filter((port) => port.contractId === contractId).map((port) => `${product.id}/${port.id}`),
      ),
    ),
  );
  const examples = useSimulationStore(useShallow((state) => ports.flatMap((port) => state.examples[port] ?? NONE)));
  const tick = useSimulationStore((state) => state.examplesTick);
  return (
    <section
      className="example-records example-records--contract"
      aria-label="Example records"
      data-testid="contract-examples"
    >
      <h4>Example records</h4>
      {examples.length === 0 ? (
        <p className="example-records__empty">Run the simulation to see records published under this contract.</p>
      ) : (
        <>
          <p className="example-records__source">
            {examples.length} from the last run (tick {tick}), each one passed this contract's checks.
          </p>
          <RecordsTable messages={examples.slice(0, 20)} />
        </>
      )}
    </section>
  );
}

function RecordsTable({ messages }: { messages: readonly LogMessage[] }) {
  return <RowsTable records={messages.map((message) => (message.value ?? {}) as Record<string, unknown>)} />;
}
