import type * as Monaco from 'monaco-editor/editor/editor.api';
import {
  completedValueColumns,
  completeOdcsKeys,
  completeOdcsValues,
  completePhysicalTypes,
  completeRelationshipReferences,
  completeRuleArgumentFields,
  completeSlaElements,
  describeOdcsKey,
  describeOdcsValue,
  isReplacingWrittenKey,
  keyCompletionText,
  yamlCursorPath,
} from '../../../shared/contracts';
import { CONTRACT_URI_SCHEME } from './contract-uri';
import type { MonacoApi } from './load-monaco';
import { registerOdcsFieldRename } from './odcs-field-rename';
import { registerOdcsOutline } from './odcs-outline';
import { registerOdcsQuickFixes } from './odcs-quick-fixes';
import { registerOdcsRelationshipNavigation } from './odcs-relationship-navigation';

/** The ODCS version the text declares, so completion and hovers come from that version's schema. */
function apiVersionOf(text: string): string | undefined {
  return /^apiVersion:\s*["']?(v[\d.]+)/m.exec(text)?.[1];
}

let isRegistered = false;

/** Completion of ODCS field names and enum values, and hover docs, from the official schema; quick fixes of the contract's problems, its outline, going between a relationship's references and the fields they name, and renaming a field with them. */
export function registerOdcsLanguageFeatures(monaco: MonacoApi): void {
  if (isRegistered) return;
  isRegistered = true;
  const selector = { language: 'yaml', scheme: CONTRACT_URI_SCHEME };
  registerOdcsQuickFixes(monaco, selector);
  registerOdcsOutline(monaco, selector);
  registerOdcsRelationshipNavigation(monaco, selector);
  registerOdcsFieldRename(monaco, selector);

  monaco.languages.registerCompletionItemProvider(selector, {
    triggerCharacters: [' ', ':'],
    provideCompletionItems(model, position) {
      const text = model.getValue();
      const apiVersion = apiVersionOf(text);
      const cursor = yamlCursorPath(text, position.lineNumber, position.column);
      const word = model.getWordUntilPosition(position);
      const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
      const lineText = model.getLineContent(position.lineNumber);
      const value = completedValueColumns(lineText, position.column, cursor.isInFlow);
      const valueRange = new monaco.Range(position.lineNumber, value.startColumn, position.lineNumber, value.endColumn);
      // Offered as the colon is typed (`classification:`), a value needs its space: `key:value` is no key's.
      const spaced = (value: string, startColumn: number) => (lineText[startColumn - 2] === ':' ? ` ${value}` : value);
      const inOrder = (
        values: Array<string | { value: string; detail?: string }>,
        kind: Monaco.languages.CompletionItemKind,
        replaced = valueRange,
      ) =>
        values.map((each, index) => {
          const { value, detail } = typeof each === 'string' ? { value: each, detail: undefined } : each;
          return {
            // The detail (a field's type) shows beside the label in the list, not only in the focused item's details.
            label: detail === undefined ? value : { label: value, description: detail },
            kind,
            ...(detail !== undefined && { detail }),
            insertText: spaced(value, replaced.startColumn),
            sortText: String(index).padStart(4, '0'),
            range: replaced,
          };
        });
      const { CompletionItemKind } = monaco.languages;
      // A relationship's `to:`, or an item of its list (`from: [routes.route_id, ` or `- ` under `to:`);
      // an item of a duplicateValues rule's `properties`; an SLA's `element`, of which only the one between
      // the commas around the cursor is replaced.
      const slaElements = completeSlaElements(text, position.lineNumber, position.column);
      const references = [
        ...inOrder(
          [
            ...completeRelationshipReferences(text, position.lineNumber, position.column).map(
              ({ reference, detail }) => ({ value: reference, detail }),
            ),
            ...completeRuleArgumentFields(text, position.lineNumber, position.column).map(({ field, detail }) => ({
              value: field,
              detail,
            })),
          ],
          CompletionItemKind.Field,
        ),
        ...inOrder(
          slaElements.elements.map(({ element, detail }) => ({ value: element, detail })),
          CompletionItemKind.Field,
          new monaco.Range(position.lineNumber, slaElements.startColumn, position.lineNumber, slaElements.endColumn),
        ),
      ];
      if (cursor.isInValue && cursor.key) {
        return {
          suggestions: [
            ...completeOdcsValues(cursor, apiVersion).map((value) => ({
              label: value,
              kind: CompletionItemKind.EnumMember,
              insertText: spaced(value, valueRange.startColumn),
              range: valueRange,
            })),
            ...references,
            ...inOrder(
              completePhysicalTypes(text, position.lineNumber, position.column),
              CompletionItemKind.TypeParameter,
            ),
          ],
        };
      }
      if (references.length > 0) return { suggestions: references };
      const indentUnit = ' '.repeat(model.getOptions().indentSize);
      // A key written before its colon is replaced whole, not only up to the caret (`physi|calType:`).
      const writtenKey = isReplacingWrittenKey(cursor) ? model.getWordAtPosition(position) : null;
      const keyRange = writtenKey ? range.setEndPosition(position.lineNumber, writtenKey.endColumn) : range;
      return {
        suggestions: completeOdcsKeys(cursor, apiVersion).map((suggestion) => ({
          label: suggestion.key,
          kind: monaco.languages.CompletionItemKind.Property,
          insertText: keyCompletionText(suggestion, cursor, range.startColumn, indentUnit),
          // The next line's indentation is the key's own plus one level, not the typed line's (`- ` before the key).
          insertTextRules: monaco.languages.CompletionItemInsertTextRule.KeepWhitespace,
          documentation: suggestion.description,
          ...(suggestion.isDeprecated && { tags: [monaco.languages.CompletionItemTag.Deprecated] }),
          range: keyRange,
        })),
      };
    },
  });

  monaco.languages.registerHoverProvider(selector, {
    provideHover(model, position) {
      const word = model.getWordAtPosition(position);
      const text = model.getValue();
      const cursor = yamlCursorPath(text, position.lineNumber, position.column);
      // On a key, or on its value (`kafka`, `timestamp`), whose meaning the key's documentation gives.
      if (!word || !cursor.key || (!cursor.isInValue && word.word !== cursor.key)) return null;
      const description = describeOdcsKey(cursor, apiVersionOf(text));
      if (!description) return null;
      const valueMeaning = describeOdcsValue(cursor, word.word);
      return {
        range: new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn),
        contents: valueMeaning
          ? [{ value: `**${cursor.key}: ${word.word}**` }, { value: valueMeaning }, { value: description }]
          : [{ value: `**${cursor.key}**` }, { value: description }],
      };
    },
  });
}
