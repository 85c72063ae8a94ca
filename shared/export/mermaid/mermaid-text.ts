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
  return `"${escaped(oneLine)}"`;
}

/**
 * Mermaid wraps an edge label at 200 px whatever it is configured with and, in an SVG saved with
 * text labels, cuts a word longer than that (`shipping.public.shipment_status` / `_events`). Lines
 * of this many characters stay under it in Mermaid's font, unless most of their letters are wide.
 */
const EDGE_LABEL_LINE_LENGTH = 28;

/**
 * An edge label as a quoted Mermaid string broken into lines (`<br/>`) between words, or inside a
 * name too long for a line after its `.` or `/`, then its `_` or `-`, so that Mermaid never has to
 * cut one. A break between words keeps its space (` <br/>`): a reader, our Mermaid import among
 * them, can tell it from a break inside a name.
 */
export function mermaidEdgeLabel(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim() || ' ';
  return `"${wrappedLines(oneLine, EDGE_LABEL_LINE_LENGTH).map(escaped).join('<br/>')}"`;
}

/** Where a long name may break, best first: after each of these characters. */
const NAME_BREAKS = [/(?<=[./])/, /(?<=[_-])/];

/** Greedy lines of at most `length` characters (a space ending one aside); a part with no break in it stays whole. */
function wrappedLines(text: string, length: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    nameParts(word, length).forEach((part, index) => {
      const isNewWord = index === 0 && line !== '';
      const joined = isNewWord ? `${line} ${part}` : `${line}${part}`;
      if (line && joined.length > length) {
        lines.push(isNewWord ? `${line} ` : line);
        line = part;
      } else {
        line = joined;
      }
    });
  }
  return [...lines, line];
}

function nameParts(name: string, length: number, breaks = NAME_BREAKS): string[] {
  const [at, ...weaker] = breaks;
  if (name.length <= length || !at) return [name];
  return name.split(at).flatMap((part) => nameParts(part, length, weaker));
}

function escaped(text: string): string {
  return text.replace(/[#"&<>\\`{}|%]/g, (character) => ENTITY_CODES[character] as string);
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
