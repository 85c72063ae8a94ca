import type * as Monaco from 'monaco-editor/editor/editor.api';
import { contractQuickFixes, type TextRange } from '../../../shared/contracts';
import { designClassificationLevels } from '../design-classification-levels';
import { contractIdOfUri } from './contract-uri';
import type { MonacoApi } from './load-monaco';

/** Quick fixes (the light bulb, Ctrl+.) for the problems of a contract that have a one-step repair, each one undoable edit. */
export function registerOdcsQuickFixes(monaco: MonacoApi, selector: Monaco.languages.LanguageSelector): void {
  monaco.languages.registerCodeActionProvider(
    selector,
    {
      provideCodeActions(model, range, context) {
        // Asked on every cursor move: a place with no problem marked has nothing to repair, and needs no check.
        if (context.markers.length === 0) return { actions: [], dispose() {} };
        const fixes = contractQuickFixes(
          model.getValue(),
          contractIdOfUri(model.uri),
          textRangeOf(range),
          designClassificationLevels(),
        );
        const actions = fixes.map(({ title, finding, change }) => ({
          title,
          kind: 'quickfix',
          // Where a problem has several fixes (`dayz`: `day` or `days`), the author chooses; none is applied as the fix.
          isPreferred: fixes.filter((other) => other.finding === finding).length === 1,
          diagnostics: context.markers.filter(
            (marker) => marker.startLineNumber === finding.line && marker.startColumn === finding.column,
          ),
          edit: {
            edits: [
              {
                resource: model.uri,
                versionId: model.getVersionId(),
                textEdit: {
                  range: new monaco.Range(change.line, change.column, change.endLine, change.endColumn),
                  text: change.text,
                },
              },
            ],
          },
        }));
        return { actions, dispose() {} };
      },
    },
    { providedCodeActionKinds: ['quickfix'] },
  );
}

function textRangeOf(range: Monaco.IRange): TextRange {
  return {
    line: range.startLineNumber,
    column: range.startColumn,
    endLine: range.endLineNumber,
    endColumn: range.endColumn,
  };
}
