import type * as Monaco from 'monaco-editor/editor/editor.api';
import { useEffect, useMemo, useRef, useState } from 'react';
import { type LocatedProblem, readYamlSource } from '../../shared/contracts/yaml-source';
import { type Mesh, namedProblem, type Scenario } from '../../shared/model';
import { isDeepEqual } from '../../shared/model/deep-equal';
import { scenarioWithTopics } from '../../shared/model/topic-references';
import { readScenarioText, scenarioJsonSchema, scenarioText } from '../../shared/simulation/scenario-text';
import { starterScenario } from '../../shared/simulation/starter-scenario';
import { tablesWithoutData } from '../../shared/simulation/tables-without-data';
import { createEditorWithModels } from '../contracts/monaco/editor-with-models';
import type { MonacoApi } from '../contracts/monaco/load-monaco';
import { monacoRange } from '../contracts/monaco/monaco-range';
import { ProblemList } from '../contracts/monaco/problem-list';
import { showPosition, showRange } from '../contracts/monaco/show-position';
import { MONACO_CONTAINER, useMonaco } from '../contracts/monaco/use-monaco';
import { useMonacoTheme } from '../contracts/monaco/use-monaco-theme';
import { undoesTypingLeftInModel, undoStepsDesignHistory } from '../editing/editor-undo-history';
import { changeMesh, currentMesh, useDocumentStore } from '../store/document-store';
import { loadMonacoJson } from './monaco-languages';
import { runningScenario } from './run-faults';
import { completeScenarioReferences } from './scenario-completion';
import { useScenarioDrafts } from './scenario-drafts';
import { scenarioSaveState } from './scenario-save-state';
import { scenarioTextModel } from './scenario-text-models';
import { simulation } from './simulation-controller';
import { setSimulation, useSimulationStore } from './simulation-store';

const SCHEMA_URI = 'https://data-mesh-designer.dev/schemas/scenario.schema.json';
const MARKER_OWNER = 'scenario-check';
/** The editor leaves its model to scenarioTextModel, which keeps it for the next editor. */
const KEPT_MODEL: Monaco.IDisposable = { dispose: () => undefined };

/** Monaco with the scenario's JSON Schema, for its completion and checks. */
async function loadScenarioMonaco(): Promise<MonacoApi> {
  const { monaco, setSchema } = await loadMonacoJson();
  setSchema(SCHEMA_URI, 'scenario-*.json', scenarioJsonSchema());
  return monaco;
}

/**
 * The scenario as JSON in Monaco: checked against its schema (with completion) and against the
 * mesh as you type; Apply saves it in the document as one undoable step, and the run uses it from
 * the next reset. Text not applied yet is kept as a draft, across a switch of mode or scenario.
 */
export function ScenarioEditor() {
  const scenarioId = useSimulationStore((state) => state.scenarioId);
  const scenarios = useDocumentStore((state) => state.mesh?.scenarios);
  const entryToReveal = useSimulationStore((state) => state.scenarioEntryToReveal);
  const index = Math.max(0, scenarios?.findIndex((scenario) => scenario.id === scenarioId) ?? 0);
  const scenario = scenarios?.[index];
  const container = useRef<HTMLDivElement>(null);
  const monaco = useMonaco(loadScenarioMonaco);
  const editor = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const [problems, setProblems] = useState<LocatedProblem[]>([]);
  const draft = useScenarioDrafts((state) => (scenario ? state.textById[scenario.id] : undefined));
  const isDirty = draft !== undefined;
  /** The scenario the last Apply saved: said to be waiting for the next reset while the design still has it. */
  const [appliedScenario, setAppliedScenario] = useState<Scenario | null>(null);
  const isJustApplied =
    !isDirty && appliedScenario !== null && scenario !== undefined && isDeepEqual(appliedScenario, scenario);
  const scenarioOfRun = useSimulationStore(runningScenario);
  const isRunning = scenarioOfRun !== undefined && scenario !== undefined && isDeepEqual(scenarioOfRun, scenario);
  /** Set by New scenario, whose button goes: the editor that replaces it takes the focus. */
  const isFocusedOnceBuilt = useRef(false);
  /** Set while the editor takes the document's text, which is no edit of the user's. */
  const isShowingDocument = useRef(false);
  /** The text the editor last showed for the saved scenario (as laid out at Apply): text equal to it is no draft. */
  const savedText = useRef<{ scenario: Scenario; text: string } | null>(null);
  useMonacoTheme(monaco);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the editor is built once per scenario; the text after Apply is the user's
  useEffect(() => {
    if (!monaco || !container.current || !scenario) return;
    savedText.current = { scenario, text: shownText(scenario) };
    const model = scenarioTextModel(
      monaco,
      scenario.id,
      useScenarioDrafts.getState().textById[scenario.id] ?? savedText.current.text,
    );
    const { editor: created, dispose } = createEditorWithModels(
      monaco,
      container.current,
      { model, tabSize: 2, quickSuggestions: { other: true, strings: true, comments: false } },
      KEPT_MODEL,
    );
    const check = () => {
      const mesh = currentMesh();
      if (!mesh) return;
      const read = readScenarioText(model.getValue(), mesh, index);
      const found = read.ok ? [] : read.errors;
      setProblems(found);
      monaco.editor.setModelMarkers(
        model,
        MARKER_OWNER,
        found.map((problem) => ({
          severity: monaco.MarkerSeverity.Error,
          message: `${problem.path}: ${problem.message}`,
          ...monacoRange(problem),
        })),
      );
    };
    const listener = model.onDidChangeContent(() => {
      check();
      if (isShowingDocument.current) return;
      const text = model.getValue();
      const saved = currentMesh()?.scenarios.find((entry) => entry.id === scenario.id);
      // An undo in the editor back to the saved text leaves nothing to apply.
      if (savedText.current?.scenario === saved && savedText.current?.text === text)
        useScenarioDrafts.getState().clearDraft(scenario.id);
      else useScenarioDrafts.getState().setDraft(scenario.id, text);
    });
    // A saved scenario may already name what the design lacks: its problems show on opening.
    check();
    const completion = completeScenarioReferences(monaco, model);
    // With no typing left to take back, the editor's Undo takes back New scenario or an Apply.
    const history = undoStepsDesignHistory(created, undoesTypingLeftInModel);
    editor.current = created;
    if (isFocusedOnceBuilt.current) created.focus();
    isFocusedOnceBuilt.current = false;
    return () => {
      history.dispose();
      completion.dispose();
      listener.dispose();
      dispose();
      editor.current = null;
    };
  }, [monaco, scenario?.id, index]);

  // An undo or redo changed the scenario: an editor without edits of its own shows it as it is now.
  useEffect(() => {
    const model = editor.current?.getModel();
    const mesh = currentMesh();
    if (!model || !mesh || !scenario) return;
    const shown = readScenarioText(model.getValue(), mesh, index);
    const isShownSaved = shown.ok && isDeepEqual(shown.value, scenario);
    const isDesignStepped = savedText.current?.scenario !== scenario;
    if (isDirty) {
      if (!isShownSaved || !isDesignStepped) return;
      // Undo of an Apply after the undo of its typing: the design now says what the editor does.
      useScenarioDrafts.getState().clearDraft(scenario.id);
    }
    // The text after Apply is the user's, laid out as they wrote it: kept while it says the same.
    if (!isShownSaved || isDirty) {
      isShowingDocument.current = true;
      // Also forgets the editor's own steps, which the design's step just took over: one history, in order.
      model.setValue(isShownSaved ? model.getValue() : shownText(scenario));
      isShowingDocument.current = false;
    }
    savedText.current = { scenario, text: model.getValue() };
  }, [scenario, isDirty, index]);

  // A problem about this scenario was clicked: its entry (or the nearest one the text has) is selected.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again after the effect above builds the editor (on the same dependencies)
  useEffect(() => {
    const shown = editor.current;
    if (!shown || !entryToReveal || entryToReveal.scenarioId !== scenario?.id) return;
    showRange(shown, monacoRange(readYamlSource(shown.getValue()).locate(entryToReveal.path)));
    setSimulation({ scenarioEntryToReveal: null });
  }, [entryToReveal, monaco, scenario?.id, index]);

  const newScenario = () => {
    isFocusedOnceBuilt.current = true;
    startANewScenario();
  };

  if (!scenario) {
    return (
      <section aria-label="Scenario">
        <p className="simulation-panel__hint">
          This design has no scenario yet: the sample data, rates, steps and faults to simulate.
        </p>
        <button type="button" className="primary" onClick={newScenario}>
          New scenario
        </button>
      </section>
    );
  }

  const apply = () => {
    const mesh = currentMesh();
    const text = editor.current?.getValue();
    if (!mesh || text === undefined) return;
    const read = readScenarioText(text, mesh, index);
    if (!read.ok) return setProblems(read.errors);
    useScenarioDrafts.getState().clearDraft(scenario.id);
    changeMesh(
      (current) => ({
        ...current,
        scenarios: current.scenarios.map((entry, at) => (at === index ? read.value : entry)),
      }),
      {
        whileReadOnly: true,
      },
    );
    setSimulation({ scenarioId: read.value.id, seedText: null });
    // Apply disables itself: the focus goes back to the text just applied, not to <body>.
    editor.current?.focus();
    setAppliedScenario(read.value);
  };

  return (
    <section className="scenario-editor" aria-label="Scenario">
      <div className="scenario-editor__bar">
        <button type="button" className="primary" disabled={!isDirty || problems.length > 0} onClick={apply}>
          Apply
        </button>
        <button type="button" onClick={() => void simulation.reset()}>
          Reset the run
        </button>
        <button type="button" onClick={newScenario} title="Add a scenario generated from the design, and run it">
          New scenario
        </button>
        <span className="scenario-editor__state" role="status">
          {scenarioSaveState({ problemCount: problems.length, isDirty, isJustApplied, isRunning })}
        </span>
      </div>
      <div ref={container} className={`scenario-editor__monaco ${MONACO_CONTAINER}`} data-testid="scenario-editor" />
      {problems.length > 0 && (
        <ProblemList
          problems={problems.map((problem) => ({
            ...problem,
            message: `${problem.path}: ${problem.message}`,
            severity: 'error',
          }))}
          label="Scenario problems"
          testId="scenario-problems"
          className="scenario-editor__problems"
          onReveal={(line, column) => editor.current && showPosition(editor.current, line, column)}
        />
      )}
      <TablesLeftEmpty scenario={scenario} />
      {!monaco && <p className="simulation-panel__hint">Loading editor…</p>}
    </section>
  );
}

/** The design's tables the saved scenario never fills, named as the canvas names them: they stay empty when run. */
function TablesLeftEmpty({ scenario }: { scenario: Scenario }) {
  const mesh = useDocumentStore((state) => state.mesh);
  const found = useMemo(() => (mesh ? leftEmpty(mesh, scenario) : []), [mesh, scenario]);
  if (found.length === 0) return null;
  return (
    <ul className="scenario-editor__notes" aria-label="Tables left empty" data-testid="scenario-notes">
      {found.map((problem) => (
        <li key={problem.path}>
          {problem.path}: {problem.message}
        </li>
      ))}
    </ul>
  );
}

function leftEmpty(mesh: Mesh, scenario: Scenario) {
  return tablesWithoutData(mesh, scenario).map((problem) => namedProblem(mesh, problem));
}

/** The scenario as the editor shows it: topics by the names the canvas shows (the file keeps their ids). */
function shownText(scenario: Scenario): string {
  const mesh = currentMesh();
  return scenarioText(mesh ? scenarioWithTopics(mesh, scenario, 'name') : scenario);
}

/** Adds a scenario generated from the design (one undoable step) beside those it has, and chooses it, which starts a run on it. */
function startANewScenario(): void {
  const mesh = currentMesh();
  if (!mesh) return;
  const added = starterScenario(mesh);
  changeMesh((current) => ({ ...current, scenarios: [...current.scenarios, added] }), { whileReadOnly: true });
  simulation.chooseScenario(added.id);
}
