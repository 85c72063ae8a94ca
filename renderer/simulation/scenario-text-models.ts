import type * as Monaco from 'monaco-editor/editor/editor.api';
import type { MonacoApi } from '../contracts/monaco/load-monaco';
import { useDocumentStore } from '../store/document-store';

/**
 * One Monaco model per scenario of the open design, kept when its editor goes (a switch of tab or
 * mode), so that the editor built again undoes the typing done before.
 */
const modelsById = new Map<string, Monaco.editor.ITextModel>();

/** The scenario's model, made with `text` if it has none yet. */
export function scenarioTextModel(monaco: MonacoApi, scenarioId: string, text: string): Monaco.editor.ITextModel {
  const kept = modelsById.get(scenarioId);
  if (kept && !kept.isDisposed()) return kept;
  // The schema's fileMatch is 'scenario-*.json'.
  const uri = monaco.Uri.parse(`inmemory://scenarios/scenario-${encodeURIComponent(scenarioId)}.json`);
  const model = monaco.editor.createModel(text, 'json', uri);
  modelsById.set(scenarioId, model);
  return model;
}

function disposeModel(scenarioId: string): void {
  modelsById.get(scenarioId)?.dispose();
  modelsById.delete(scenarioId);
}

// A model belongs to the design it was typed in, and goes with its scenario (an undo of New scenario).
useDocumentStore.subscribe((state, previous) => {
  if (state.mesh === previous.mesh) return;
  const isAnotherDocument = state.documentKey !== previous.documentKey;
  for (const id of [...modelsById.keys()]) {
    if (isAnotherDocument || !state.mesh?.scenarios.some((scenario) => scenario.id === id)) disposeModel(id);
  }
});
