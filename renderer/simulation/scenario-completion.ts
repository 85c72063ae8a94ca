import type * as Monaco from 'monaco-editor/editor/editor.api';
import { scenarioReferenceChoices } from '../../shared/simulation/scenario-reference-choices';
import type { MonacoApi } from '../contracts/monaco/load-monaco';
import { currentMesh } from '../store/document-store';

/**
 * Completion of the design's systems, tables, topics (by the names the canvas shows) and products
 * where the scenario names one, beside what the schema offers. For this one model; disposed with it.
 */
export function completeScenarioReferences(
  monaco: MonacoApi,
  scenarioModel: Monaco.editor.ITextModel,
): Monaco.IDisposable {
  return monaco.languages.registerCompletionItemProvider('json', {
    triggerCharacters: ['"'],
    provideCompletionItems(model, position) {
      const mesh = currentMesh();
      if (model !== scenarioModel || !mesh) return { suggestions: [] };
      const found = scenarioReferenceChoices(mesh, model.getValue(), model.getOffsetAt(position));
      if (!found) return { suggestions: [] };
      const start = model.getPositionAt(found.start);
      const end = model.getPositionAt(found.end);
      const range = new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column);
      return {
        suggestions: found.choices.map((choice, index) => ({
          label: { label: choice.value, description: choice.detail },
          kind: monaco.languages.CompletionItemKind.Reference,
          insertText: choice.value,
          detail: choice.detail,
          // In the design's order, ahead of the schema's own suggestions.
          sortText: `0${String(index).padStart(4, '0')}`,
          range,
        })),
      };
    },
  });
}
