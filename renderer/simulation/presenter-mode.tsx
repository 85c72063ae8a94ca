import { useEffect, useLayoutEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Fault } from '../../shared/model';
import { firedFaultNote, readTopicsFirst } from '../../shared/simulation/fault-deck';
import { faultKeyLabels } from '../../shared/simulation/fault-key-labels';
import { faultNodeIds } from '../../shared/simulation/fault-nodes';
import { useFocusReturn } from '../app/use-focus-return';
import { canvasCommands } from '../canvas/canvas-commands';
import { useDocumentStore } from '../store/document-store';
import { PRESENTER_PANEL_ID } from './presenter-scroll';
import { useRunResends } from './run-faults';
import { SimulatedClock } from './simulated-clock';
import { STATUS_LABELS } from './simulation-bar';
import { simulation } from './simulation-controller';
import { type SimulationState, setSimulation, useSimulationStore } from './simulation-store';
import { upcomingChangeText } from './trace-moment';
import { traceStagePlaces } from './trace-places';
import {
  STAGE_LABELS,
  TraceStageBody,
  TraceStageHeading,
  traceStageAttributes,
  usePresenterNotes,
} from './trace-stage';

/**
 * A workshop's view: full screen, large type, the canvas above with the stage's node in focus,
 * one stage at a time below, with the run's clock; → and ← walk the stages, Space runs or pauses,
 * S steps, 1–5 fire the fault deck's cards (the last one fired since Present started is named, with its tick), Esc ends;
 * ↓ ↑ Page Down Page Up reach what a stage shows below the panel's fold (presenter-scroll.ts): only the
 * stage's body scrolls, so the run's bar and the stage's title stay in view.
 */
export function PresenterMode() {
  const isPresenting = useSimulationStore((state) => state.isPresenting && state.mode === 'simulate');
  const { trace, traceStage } = useSimulationStore(
    useShallow((state) => ({ trace: state.trace, traceStage: state.traceStage })),
  );
  const notes = usePresenterNotes();
  const status = useSimulationStore((state) => state.status);
  const stage = trace?.stages[traceStage];
  const runMesh = useSimulationStore((state) => state.runMesh);
  const places = trace ? traceStagePlaces(runMesh, trace.stages) : [];
  const stageBody = useRef<HTMLDivElement>(null);
  const presenter = useRef<HTMLElement>(null);

  // As a dialog does: the Present that opened it (hidden while presenting) gets the focus back.
  useFocusReturn(isPresenting);
  // A layout effect: on leaving, the page's controls must show again before the focus goes back to one of them.
  useLayoutEffect(() => {
    if (!isPresenting) return;
    const restoreView = canvasCommands.keepView();
    document.documentElement.dataset.presenting = 'true';
    // The region takes the focus, so screen readers announce it; its keys act from there (focus.ts).
    presenter.current?.focus();
    // Full screen where the browser allows it; the layout works without.
    void document.documentElement.requestFullscreen?.().catch(() => undefined);
    if (!useSimulationStore.getState().trace) void startWalk();
    return () => {
      delete document.documentElement.dataset.presenting;
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
      restoreView();
    };
  }, [isPresenting]);

  const faultInEffect = useSimulationStore(faultTakingEffect);
  const focusedStage = useRef<number>(undefined);
  useEffect(() => {
    if (!isPresenting || !stage) return;
    // On the tick a fired fault takes effect its nodes stay in view while the walk re-reads its stage; another stage brings the walk back.
    if (faultInEffect && focusedStage.current === traceStage) return;
    focusedStage.current = traceStage;
    // After the layout change that presenting brings, so the view fits the canvas it has now.
    const timer = window.setTimeout(() => canvasCommands.focusNode(stage.nodeId), 60);
    return () => window.clearTimeout(timer);
  }, [isPresenting, stage, traceStage, faultInEffect]);

  useEffect(() => {
    if (!isPresenting || !faultInEffect || !runMesh) return;
    const timer = window.setTimeout(() => canvasCommands.focusNodes(faultNodeIds(runMesh, faultInEffect)), 60);
    return () => window.clearTimeout(timer);
  }, [isPresenting, faultInEffect, runMesh]);

  // Each stage opens at its top; a tick that re-reads the same stage keeps where it was scrolled to.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when another stage is shown
  useEffect(() => {
    stageBody.current?.scrollTo({ top: 0 });
  }, [traceStage]);

  useEffect(() => {
    const onFullscreenExit = () => !document.fullscreenElement && setSimulation({ isPresenting: false });
    document.addEventListener('fullscreenchange', onFullscreenExit);
    return () => document.removeEventListener('fullscreenchange', onFullscreenExit);
  }, []);

  if (!isPresenting) return null;
  return (
    <section ref={presenter} tabIndex={-1} className="presenter" aria-label="Presenter mode" data-testid="presenter">
      <header className="presenter__bar">
        {stage && trace && (
          <>
            <span className="presenter__progress" data-testid="presenter-position">
              {traceStage + 1} / {trace.stages.length}
            </span>
            <ol className="presenter__steps" aria-hidden="true">
              {trace.stages.map((entry, index) => (
                <li
                  // biome-ignore lint/suspicious/noArrayIndexKey: a trace's stages are a fixed list
                  key={`${index}-${entry.kind}`}
                  className={index === traceStage ? 'is-current' : index < traceStage ? 'is-done' : undefined}
                  title={`${entry.branch ? `${entry.branch.label} · ` : ''}${STAGE_LABELS[entry.kind]} ${places[index]}`}
                />
              ))}
            </ol>
          </>
        )}
        <SimulatedClock className="presenter__clock" testId="presenter-clock" tickTestId="presenter-tick" />
        <span className="presenter__status">{STATUS_LABELS[status]}</span>
        <span className="presenter__keys">
          → next · ← back · Space {status === 'running' ? 'pauses' : 'runs'} · S steps · B steps back · Esc ends ·
          faults: <FaultKeys />
        </span>
      </header>
      <LastFiredFault />
      <RunFailure />
      {stage && trace ? (
        <div {...traceStageAttributes(stage, 'presenter__stage')}>
          <TraceStageHeading stage={stage} readAt={trace.readAt} />
          <div ref={stageBody} id={PRESENTER_PANEL_ID} className="presenter__stage-body">
            <TraceStageBody stage={stage} />
            {notes?.[stage.kind] && <p className="presenter__notes">{notes[stage.kind]}</p>}
          </div>
        </div>
      ) : trace?.happensAt ? (
        <p className="presenter__empty" data-testid="trace-upcoming">
          {upcomingChangeText(trace.happensAt)}
        </p>
      ) : (
        <p className="presenter__empty">Run the simulation for a few ticks: the walk follows its newest change.</p>
      )}
    </section>
  );
}

/** What the run bar says went wrong (a fault key that did not fire, a run stopped), which the presenter covers. */
function RunFailure() {
  const failure = useSimulationStore((state) => state.failure);
  if (!failure) return null;
  return (
    <p className="presenter__fault" role="alert" data-testid="presenter-failure">
      {failure}
    </p>
  );
}

/** The fault fired last while presenting, on the tick it takes effect (the run's tick now). */
function faultTakingEffect(state: SimulationState): Fault | undefined {
  const fault = state.lastFiredFault?.fault;
  return fault && state.metrics?.tick === fault.tick ? fault : undefined;
}

/** The fault fired last while presenting: which card, how, on what, and whether its tick has run (so its effect shows on the canvas). */
function LastFiredFault() {
  const fired = useSimulationStore((state) => state.lastFiredFault);
  const ranTick = useSimulationStore((state) => state.metrics?.tick ?? 0);
  const resends = useRunResends();
  const timing = useSimulationStore((state) =>
    state.runMesh?.scenarios.find((scenario) => scenario.id === state.scenarioId),
  );
  const mesh = useDocumentStore((state) => state.mesh);
  if (!fired || !mesh) return null;
  return (
    <p className="presenter__fault" role="status" data-testid="presenter-fault">
      {firedFaultNote(mesh, fired.fault, ranTick, timing, fired.firedWith, resends.get(fired.fault))}
      {ranTick < fired.fault.tick && ' Press S to step to it, or Space to run.'}
    </p>
  );
}

/** Without a trace, the walk follows the newest change on the first CDC topic that has one, a topic a product reads first. */
async function startWalk(): Promise<void> {
  const { catalog, runMesh } = useSimulationStore.getState();
  if (!runMesh) return;
  const topics = runMesh.systems.flatMap((system) =>
    system.messaging.topics
      .filter((topic) => topic.source.kind === 'cdc')
      .map((topic) => ({ nodeId: system.id, portId: topic.id })),
  );
  const logs = readTopicsFirst(runMesh, topics, (topic) => topic).map(({ nodeId, portId }) => `${nodeId}/${portId}`);
  for (const log of logs.filter((candidate) => catalog?.logs[candidate])) {
    const [newest] = (await simulation.messages(log, { limit: 1 })) ?? [];
    if (newest) return simulation.trace({ kind: 'record', log, position: newest.position });
  }
}

/** Keys 1–5, each named (in its tooltip and to screen readers) by the fault it fires and at what. */
function FaultKeys() {
  const mesh = useDocumentStore((state) => state.mesh);
  const settings = useSimulationStore((state) => state.faultSettings);
  if (!mesh) return null;
  return faultKeyLabels(mesh, settings).map(({ key, kind, label }) => (
    <kbd key={kind} title={label} aria-label={label} data-testid={`fault-key-${key}`}>
      {key}
    </kbd>
  ));
}
