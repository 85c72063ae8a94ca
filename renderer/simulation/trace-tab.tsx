import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { PresentButton } from './present-button';
import { simulation } from './simulation-controller';
import { setSimulation, useSimulationStore } from './simulation-store';
import { upcomingChangeText } from './trace-moment';
import { traceStagePlaces } from './trace-places';
import { STAGE_LABELS, TraceStageView, usePresenterNotes } from './trace-stage';
import { type TraceStageGroup, traceStageGroups } from './trace-stage-groups';

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
  const section = useRef<HTMLElement>(null);
  // Trace pressed on a card or a row takes the Inspect tab, and the focus, away: it goes to the stage shown, not to <body>.
  useEffect(() => {
    if (trace && document.activeElement === document.body)
      section.current?.querySelector<HTMLButtonElement>('[aria-current="step"]')?.focus();
  }, [trace]);
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
  const groups = traceStageGroups(trace.stages);
  // The ways the write went, side by side where the panel has room: its CDC record, its outbox events.
  const branches = groups.flatMap(({ branch, stages }) => (branch ? [{ branch, stages }] : []));
  return (
    <section ref={section} aria-label="Trace" className="trace-tab">
      <div className="trace-tab__bar">
        <strong>Trace of {trace.subject}</strong>
        <button
          type="button"
          aria-label="Previous stage"
          disabled={traceStage === 0 || Boolean(trace.happensAt)}
          onClick={() => simulation.moveTrace(-1)}
        >
          ←
        </button>
        <span data-testid="trace-position">
          {trace.happensAt ? '–' : traceStage + 1} / {trace.stages.length}
        </span>
        <button
          type="button"
          aria-label="Next stage"
          disabled={traceStage >= trace.stages.length - 1}
          onClick={() => simulation.moveTrace(1)}
        >
          →
        </button>
        <PresentButton />
        <button type="button" className="link-button" onClick={() => setSimulation({ trace: null, traceStage: 0 })}>
          Close
        </button>
      </div>
      {groups
        .filter((group) => !group.branch)
        .map((group) => (
          <StageList key={group.stages[0]?.index} group={group} places={places} current={traceStage} />
        ))}
      {branches.length > 0 && (
        <div className="trace-tab__branches">
          {branches.map(({ branch, stages }) => (
            <section
              key={branch.log}
              aria-label={branch.label}
              className={`trace-tab__branch trace-tab__branch--${branch.kind}`}
              data-testid="trace-branch"
            >
              <h4 className="trace-tab__branch-label">{branch.label}</h4>
              <StageList group={{ branch, stages }} places={places} current={traceStage} />
            </section>
          ))}
        </div>
      )}
      {trace.happensAt && (
        <p className="simulation-panel__hint" data-testid="trace-upcoming">
          {upcomingChangeText(trace.happensAt)}
        </p>
      )}
      {stage && <TraceStageView stage={stage} readAt={trace.readAt} />}
      {stage && notes?.[stage.kind] && <p className="trace-tab__notes">Notes: {notes[stage.kind]}</p>}
    </section>
  );
}

/** A group's stages as buttons that open each, the current one marked. */
function StageList({ group, places, current }: { group: TraceStageGroup; places: string[]; current: number }) {
  return (
    <ol className="trace-tab__stages">
      {group.stages.map(({ stage, index }) => (
        <li key={`${index}-${stage.kind}`}>
          <button
            type="button"
            className={index === current ? 'is-current' : undefined}
            aria-current={index === current ? 'step' : undefined}
            onClick={() => setSimulation({ traceStage: index })}
          >
            <span className="trace-tab__kind">{STAGE_LABELS[stage.kind]}</span> {places[index]}
            {stage.check && !stage.check.passed && ' ✗'}
          </button>
        </li>
      ))}
    </ol>
  );
}
