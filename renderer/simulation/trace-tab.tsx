import { useShallow } from 'zustand/react/shallow';
import { simulation } from './simulation-controller';
import { setSimulation, useSimulationStore } from './simulation-store';
import { traceStagePlaces } from './trace-places';
import { STAGE_LABELS, TraceStageView, usePresenterNotes } from './trace-stage';

/** The trace of one change: every stage in order, the current one in full; ← and → move. */
export function TraceTab() {
  const { trace, traceStage } = useSimulationStore(
    useShallow((state) => ({ trace: state.trace, traceStage: state.traceStage })),
  );
  const topics = useSimulationStore(
    useShallow((state) =>
      Object.values(state.catalog?.logs ?? {}).filter((log) =>
        state.runMesh?.systems.some((system) => log.log.startsWith(`${system.id}/`)),
      ),
    ),
  );
  const notes = usePresenterNotes();
  const runMesh = useSimulationStore((state) => state.runMesh);
  if (!trace) {
    return (
      <section aria-label="Trace">
        <p className="simulation-panel__hint">
          Follow one change end to end: press Trace on a message or a table row in Inspect, or start from the newest
          change on a topic:
        </p>
        <ul className="trace-tab__starts">
          {topics.map((topic) => (
            <li key={topic.log}>
              <button type="button" onClick={() => void simulation.traceLatest(topic.log)}>
                Trace the newest on {topic.name}
              </button>
            </li>
          ))}
        </ul>
      </section>
    );
  }
  const stage = trace.stages[traceStage];
  const places = traceStagePlaces(runMesh, trace.stages);
  return (
    <section aria-label="Trace" className="trace-tab">
      <div className="trace-tab__bar">
        <strong>Trace of {trace.subject}</strong>
        <button
          type="button"
          aria-label="Previous stage"
          disabled={traceStage === 0}
          onClick={() => simulation.moveTrace(-1)}
        >
          ←
        </button>
        <span data-testid="trace-position">
          {traceStage + 1} / {trace.stages.length}
        </span>
        <button
          type="button"
          aria-label="Next stage"
          disabled={traceStage === trace.stages.length - 1}
          onClick={() => simulation.moveTrace(1)}
        >
          →
        </button>
        <button type="button" onClick={() => setSimulation({ isPresenting: true })}>
          Present
        </button>
        <button type="button" className="link-button" onClick={() => setSimulation({ trace: null, traceStage: 0 })}>
          Close
        </button>
      </div>
      <ol className="trace-tab__stages">
        {trace.stages.map((entry, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a trace's stages are a fixed list
          <li key={`${index}-${entry.kind}`}>
            <button
              type="button"
              className={index === traceStage ? 'is-current' : undefined}
              aria-current={index === traceStage ? 'step' : undefined}
              onClick={() => setSimulation({ traceStage: index })}
            >
              <span className="trace-tab__kind">{STAGE_LABELS[entry.kind]}</span> {places[index]}
              {entry.check && !entry.check.passed && ' ✗'}
            </button>
          </li>
        ))}
      </ol>
      {stage && <TraceStageView stage={stage} readAt={trace.readAt} />}
      {stage && notes?.[stage.kind] && <p className="trace-tab__notes">Notes: {notes[stage.kind]}</p>}
    </section>
  );
}
