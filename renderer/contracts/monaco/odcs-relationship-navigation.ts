import type * as Monaco from 'monaco-editor/editor/editor.api';
import { relationshipReferenceDefinition, relationshipReferencesTo, type TextRange } from '../../../shared/contracts';
import type { MonacoApi } from './load-monaco';

/** Go to Definition (F12, Ctrl+click) from a relationship's `to`/`from` (or a rule argument, an SLA element) to the field it names, and Find All References (Shift+F12) back. */
export function registerOdcsRelationshipNavigation(
  monaco: MonacoApi,
  selector: Monaco.languages.LanguageSelector,
): void {
  const locationOf = (model: Monaco.editor.ITextModel, range: TextRange): Monaco.languages.Location => ({
    uri: model.uri,
    range: new monaco.Range(range.line, range.column, range.endLine, range.endColumn),
  });
  monaco.languages.registerDefinitionProvider(selector, {
    provideDefinition(model, position) {
      const definition = relationshipReferenceDefinition(model.getValue(), position.lineNumber, position.column);
      return definition ? locationOf(model, definition) : null;
    },
  });
  monaco.languages.registerReferenceProvider(selector, {
    provideReferences(model, position, context) {
      const found = relationshipReferencesTo(model.getValue(), position.lineNumber, position.column);
      if (!found || found.references.length === 0) return [];
      const ranges = context.includeDeclaration ? [found.declaration, ...found.references] : found.references;
      return ranges.map((range) => locationOf(model, range));
    },
  });
}
