import { useShallow } from 'zustand/react/shallow';
import type { LogMessage } from '../../shared/simulation';
import type { ContractViolation } from '../../shared/simulation/contract-rules';
import { useDocumentStore } from '../store/document-store';
import { RowsTable } from './message-card';
import { useSimulationStore } from './simulation-store';
import { useExampleViolations } from './use-example-violations';
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
  const examplesByPort = useSimulationStore(
    useShallow((state) =>
      Object.fromEntries(ports.flatMap((port) => (state.examples[port] ? [[port, state.examples[port]]] : []))),
    ),
  );
  const violationsByPort = useExampleViolations(examplesByPort);
  const tick = useSimulationStore((state) => state.examplesTick);
  const examples = Object.entries(examplesByPort).flatMap(([port, messages]) =>
    messages.map((message, index) => ({ message, violation: violationsByPort?.[port]?.[index] })),
  );
  const failing = examples.filter((example) => example.violation).length;
  const isChecked = Object.keys(examplesByPort).every((port) => violationsByPort?.[port] !== undefined);
  const shown = examples.slice(0, 20);
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
            {examples.length} from the last run (tick {tick}), {checkSummary(failing, isChecked)}
          </p>
          <RecordsTable
            messages={shown.map((example) => example.message)}
            failures={failing > 0 ? shown.map((example) => example.violation) : undefined}
          />
        </>
      )}
    </section>
  );
}

/** What the engine said of the examples, checked by the contract as it is now (it may have changed since the run). */
function checkSummary(failing: number, isChecked: boolean): string {
  if (failing > 0) return `${failing} of them ${failing === 1 ? 'fails' : 'fail'} this contract's checks as it is now.`;
  return isChecked ? "each one passes this contract's checks." : 'published under this contract as it was then.';
}

function RecordsTable({
  messages,
  failures,
}: {
  messages: readonly LogMessage[];
  /** Per record, the rule it breaks now; none when every record keeps the contract. */
  failures?: readonly (ContractViolation | null | undefined)[];
}) {
  const records = messages.map((message) => (message.value ?? {}) as Record<string, unknown>);
  const lead = failures && {
    column: 'Fails now',
    values: failures.map((violation) => (violation ? `✗ ${violation.rule}: ${violation.message}` : '')),
  };
  return <RowsTable records={records} lead={lead} />;
}
