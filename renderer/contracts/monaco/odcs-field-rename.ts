import type * as Monaco from 'monaco-editor/editor/editor.api';
import {
  RENAME_NEEDS_A_FIELD,
  renamedFieldAt,
  renameRelationshipField,
  type TextRange,
} from '../../../shared/contracts';
import type { MonacoApi } from './load-monaco';

/** Rename (F2) of a field, from its `name:` or a relationship reference to it, the references naming it following. */
export function registerOdcsFieldRename(monaco: MonacoApi, selector: Monaco.languages.LanguageSelector): void {
  const rangeOf = ({ line, column, endLine, endColumn }: TextRange) =>
    new monaco.Range(line, column, endLine, endColumn);
  monaco.languages.registerRenameProvider(selector, {
    resolveRenameLocation(model, position) {
      const field = renamedFieldAt(model.getValue(), position.lineNumber, position.column);
      return field
        ? { range: rangeOf(field.range), text: field.name }
        : {
            range: rangeOf({ line: 1, column: 1, endLine: 1, endColumn: 1 }),
            text: '',
            rejectReason: RENAME_NEEDS_A_FIELD,
          };
    },
    provideRenameEdits(model, position, newName) {
      const rename = renameRelationshipField(model.getValue(), position.lineNumber, position.column, newName);
      if (!rename.ok) return { edits: [], rejectReason: rename.reason };
      const versionId = model.getVersionId();
      return {
        edits: rename.changes.map((change) => ({
          resource: model.uri,
          versionId,
          textEdit: { range: rangeOf(change), text: change.text },
        })),
      };
    },
  });
}
