/**
 * Mermaid's entity codes (`#quot;`, `#35;`) for every character that could end a quoted label,
 * open an HTML tag, a markdown string, a YAML escape inside `@{ … }` or a `%%{ }%%` directive.
 */
const ENTITY_CODES: Readonly<Record<string, string>> = {
  '#': '#35;',
  '"': '#quot;',
  '&': '#amp;',
  '<': '#lt;',
  '>': '#gt;',
  '\\': '#92;',
  '`': '#96;',
  '{': '#123;',
  '}': '#125;',
  '|': '#124;',
  '%': '#37;',
};

/** A label as a quoted Mermaid string, safe in node, subgraph and edge labels whatever the name holds. */
export function mermaidString(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim() || ' ';
  return `"${oneLine.replace(/[#"&<>\\`{}|%]/g, (character) => ENTITY_CODES[character] as string)}"`;
}

/**
 * Hands out Mermaid ids made of a kind prefix and the model id with everything but letters,
 * digits and `_` replaced: never a keyword (`end`, `graph`), never an arrow, and never the same
 * id twice (`a-b` and `a_b` become `product_a_b` and `product_a_b_2`).
 */
export function createMermaidIds(): (prefix: string, modelId: string) => string {
  const byKey = new Map<string, string>();
  const taken = new Set<string>();
  return (prefix, modelId) => {
    const key = `${prefix}\u0000${modelId}`;
    const known = byKey.get(key);
    if (known) return known;
    const stem = `${prefix}_${modelId.replace(/[^A-Za-z0-9_]/g, '_')}`;
    let id = stem;
    for (let suffix = 2; taken.has(id); suffix++) id = `${stem}_${suffix}`;
    taken.add(id);
    byKey.set(key, id);
    return id;
  };
}
