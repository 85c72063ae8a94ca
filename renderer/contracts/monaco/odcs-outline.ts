import type * as Monaco from 'monaco-editor/editor/editor.api';
import { contractOutline, type OutlineSymbol, type TextRange } from '../../../shared/contracts';
import type { MonacoApi } from './load-monaco';

/** The contract's outline (Go to Symbol, Ctrl+Shift+O): its sections, schema objects and properties. */
export function registerOdcsOutline(monaco: MonacoApi, selector: Monaco.languages.LanguageSelector): void {
  const { SymbolKind } = monaco.languages;
  const kinds: Record<OutlineSymbol['kind'], Monaco.languages.SymbolKind> = {
    section: SymbolKind.Namespace,
    field: SymbolKind.Field,
    object: SymbolKind.Class,
    property: SymbolKind.Property,
    entry: SymbolKind.Object,
  };
  const rangeOf = (range: TextRange) => new monaco.Range(range.line, range.column, range.endLine, range.endColumn);
  const toDocumentSymbol = (symbol: OutlineSymbol): Monaco.languages.DocumentSymbol => ({
    name: symbol.name,
    detail: '',
    kind: kinds[symbol.kind],
    tags: [],
    range: rangeOf(symbol.range),
    selectionRange: rangeOf(symbol.selectionRange),
    children: symbol.children.map(toDocumentSymbol),
  });
  monaco.languages.registerDocumentSymbolProvider(selector, {
    displayName: 'ODCS contract',
    provideDocumentSymbols: (model) => contractOutline(model.getValue()).map(toDocumentSymbol),
  });
}
