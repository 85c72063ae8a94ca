/**
 * Why Mermaid refuses a statement that lacks what its keyword asks for (`style A` with no styles,
 * `click A` with no page), or that starts with a word only a `click` takes (`call`, `href`): the
 * importer would otherwise skip it as a style or a click, where Mermaid draws nothing of the diagram.
 */
export function whyIncomplete(statement: string): string | undefined {
  const written = statement.trim();
  const [keyword = '', subject, action, ...rest] = written.split(/\s+/);
  if (keyword === 'call' || keyword === 'href') {
    return `Mermaid takes \`${keyword}\` only in a \`click\` (\`click A ${keyword} …\`) and refuses a statement starting with it: give the node another id.`;
  }
  if (keyword === 'click') return whyClickIncomplete(`\`${written}\``, subject, action, rest);
  const example = STYLE_EXAMPLES[keyword];
  if (!example || action !== undefined) return undefined;
  const lacks = keyword === 'class' ? 'names no class' : 'has no styles';
  return `\`${written}\` ${lacks}, and Mermaid refuses it: add ${example(subject)}, or remove the line.`;
}

/** What to add to a style statement, as an example for its subject (or a made-up one). */
const STYLE_EXAMPLES: Readonly<Record<string, (subject: string | undefined) => string>> = {
  style: (id = 'A') => `them (\`style ${id} fill:#f9f\`)`,
  classDef: (name = 'leak') => `them (\`classDef ${name} fill:#f9f\`)`,
  class: (ids = 'A') => `one (\`class ${ids} leak\`)`,
  linkStyle: (links = '0') => `them (\`linkStyle ${links} stroke:#f00\`)`,
};

function whyClickIncomplete(
  written: string,
  id: string | undefined,
  action: string | undefined,
  rest: readonly string[],
): string | undefined {
  if (action === undefined) {
    return `${written} says no page or callback, and Mermaid refuses it: add one (\`click ${id ?? 'A'} "https://…"\`), or remove the line.`;
  }
  if ((action === 'href' || action === 'call') && rest.length === 0) {
    const what = action === 'href' ? 'page' : 'callback';
    return `${written} names no ${what} after \`${action}\`, and Mermaid refuses it: add one, or remove the line.`;
  }
  return undefined;
}
