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
        // A key, not an attribute name: Monaco's light theme draws those pure red, 4:1 on white.
        [/\b(shape|label)(?=\s*:)/, 'key'],
        [/"[^"]*"/, 'string'],
        [/#[0-9a-fA-F]{6}\b/, 'number'],
        [/(<?-\.+->?|<?-{2,}[>ox]?|<?={2,}>?|\|)/, 'operator'],
      ],
    },
  });
}
