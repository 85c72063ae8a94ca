import {
  completeOdcsKeys,
  completeOdcsValues,
  completeRelationshipReferences,
  describeOdcsKey,
  describeOdcsValue,
  yamlCursorPath,
} from '../../../shared/contracts';
import { CONTRACT_URI_SCHEME } from './contract-uri';
import type { MonacoApi } from './load-monaco';
import { registerOdcsOutline } from './odcs-outline';
import { registerOdcsQuickFixes } from './odcs-quick-fixes';

/** The ODCS version the text declares, so completion and hovers come from that version's schema. */
function apiVersionOf(text: string): string | undefined {
  return /^apiVersion:\s*["']?(v[\d.]+)/m.exec(text)?.[1];
}

/** Where the value being typed before `column` starts: after the last space, `[` or `,` before it. */
function valueStartColumn(lineText: string, column: number): number {
  const before = lineText.slice(0, column - 1);
  return Math.max(before.lastIndexOf(' '), before.lastIndexOf('['), before.lastIndexOf(',')) + 2;
}

let isRegistered = false;

/** Completion of ODCS field names and enum values, and hover docs, from the official schema; quick fixes of the contract's problems, and its outline. */
export function registerOdcsLanguageFeatures(monaco: MonacoApi): void {
  if (isRegistered) return;
  isRegistered = true;
  const selector = { language: 'yaml', scheme: CONTRACT_URI_SCHEME };
  registerOdcsQuickFixes(monaco, selector);
  registerOdcsOutline(monaco, selector);

  monaco.languages.registerCompletionItemProvider(selector, {
    triggerCharacters: [' ', ':'],
    provideCompletionItems(model, position) {
      const text = model.getValue();
      const apiVersion = apiVersionOf(text);
      const cursor = yamlCursorPath(text, position.lineNumber, position.column);
      const word = model.getWordUntilPosition(position);
      const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
      if (cursor.isInValue && cursor.key) {
        const references = completeRelationshipReferences(text, position.lineNumber, position.column);
        // `routes.rou` is one reference, though the word ends at its dot.
        const referenceRange = range.setStartPosition(
          position.lineNumber,
          valueStartColumn(model.getLineContent(position.lineNumber), position.column),
        );
        return {
          suggestions: [
            ...completeOdcsValues(cursor, apiVersion).map((value) => ({
              label: value,
              kind: monaco.languages.CompletionItemKind.EnumMember,
              insertText: value,
              range,
            })),
            ...references.map((reference, index) => ({
              label: reference,
              kind: monaco.languages.CompletionItemKind.Field,
              insertText: reference,
              sortText: String(index).padStart(4, '0'),
              range: referenceRange,
            })),
          ],
        };
      }
      return {
        suggestions: completeOdcsKeys(cursor, apiVersion).map((suggestion) => ({
          label: suggestion.key,
          kind: monaco.languages.CompletionItemKind.Property,
          insertText: `${suggestion.key}: `,
          documentation: suggestion.description,
          ...(suggestion.isDeprecated && { tags: [monaco.languages.CompletionItemTag.Deprecated] }),
          range,
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
