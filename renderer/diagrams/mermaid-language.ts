import type { MonacoApi } from '../contracts/monaco/load-monaco';

export const MERMAID_LANGUAGE = 'mermaid';

let isRegistered = false;

/** Highlighting for the Mermaid flowcharts the Diagram view shows: keywords, strings, arrows, comments. */
export function registerMermaidLanguage(monaco: MonacoApi): void {
  if (isRegistered) return;
  isRegistered = true;
  monaco.languages.register({ id: MERMAID_LANGUAGE, extensions: ['.mmd'] });
  monaco.languages.setMonarchTokensProvider(MERMAID_LANGUAGE, {
    tokenizer: {
      root: [
        [/%%.*$/, 'comment'],
        [/^---$/, 'keyword'],
        [/^title:/, 'keyword'],
        [/\b(flowchart|graph|subgraph|end|direction|classDef|class|style|linkStyle|click)\b/, 'keyword'],
        [/\b(shape|label)(?=\s*:)/, 'attribute.name'],
        [/"[^"]*"/, 'string'],
        [/#[0-9a-fA-F]{6}\b/, 'number'],
        [/(<?-\.+->?|<?-{2,}[>ox]?|<?={2,}>?|\|)/, 'operator'],
      ],
    },
  });
}
