/**
 * Mermaid's entity codes for every character that could end a quoted label, open an HTML tag, a
 * markdown string, a YAML escape inside `@{ … }` or a `%%{ }%%` directive. All numeric (`#34;`, not
 * `#quot;`): Mermaid decodes a few named ones where it writes an SVG text label and none of the
 * numeric ones, so a picture's labels come back to their names by decoding only those
 * (see `svgLabelsAsWritten`).
 */
const ENTITY_CODES: Readonly<Record<string, string>> = {
  '#': '#35;',
  '"': '#34;',
  '&': '#38;',
  '<': '#60;',
  '>': '#62;',
  '\\': '#92;',
  '`': '#96;',
  '{': '#123;',
  '}': '#125;',
  '|': '#124;',
  '%': '#37;',
};

/**
 * How wide a label's line may be, in pixels of Mermaid's 16 px label font, with a margin for the
 * estimate. Mermaid wraps an edge label at 200 px whatever it is configured with, and a box's on
 * screen (HTML) at 200 px too: a longer word overflows the box there, and in an SVG saved with
 * text labels Mermaid cuts it (`shipping.public.shipment_status` / `_events`).
 */
const LINE_WIDTH = 185;

/**
 * A label as a quoted Mermaid string broken into lines (`<br/>`) that fit a line: between words,
 * or inside a name too long for a line after its `.` or `/`, then its `_` or `-`, so that Mermaid
 * never has to cut one. A break between words keeps its space (` <br/>`): a reader, our Mermaid
 * import among them, can tell it from a break inside a name. In a box's `@{ label: "…" }`, which
 * is YAML, lines break with YAML's `\n` instead: Mermaid reads HTML in a box's label (a `<br/>`)
 * through its sanitizer, which decodes the label's entity codes there and in no other label.
 */
export function mermaidLines(text: string, lineBreak: '<br/>' | '\\n' = '<br/>'): string {
  const oneLine = text.replace(/\s+/g, ' ').trim() || ' ';
  return `"${wrappedLines(oneLine, LINE_WIDTH).map(escaped).join(lineBreak)}"`;
}

/** Where a long name may break, best first: after each of these characters. */
const NAME_BREAKS = [/(?<=[./])/, /(?<=[_-])/];

/** Greedy lines at most `width` wide (a space ending one aside); a part with no break in it stays whole. */
function wrappedLines(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    nameParts(word, width).forEach((part, index) => {
      const isNewWord = index === 0 && line !== '';
      const joined = isNewWord ? `${line} ${part}` : `${line}${part}`;
      if (line && textWidth(joined) > width) {
        lines.push(isNewWord ? `${line} ` : line);
        line = part;
      } else {
        line = joined;
      }
    });
  }
  return [...lines, line];
}

function nameParts(name: string, width: number, breaks = NAME_BREAKS): string[] {
  const [at, ...weaker] = breaks;
  if (textWidth(name) <= width || !at) return [name];
  return name.split(at).flatMap((part) => nameParts(part, width, weaker));
}

/**
 * Characters by width in Arial at 16 px. The fonts labels are drawn in run wider: DejaVu Sans,
 * which Chromium falls back to where the app's Inter is missing, by about 15 %, hence
 * `FONT_SCALE`. Other characters count as the widest, so a label in another script is broken
 * sooner rather than cut.
 */
const CHARACTER_WIDTHS: ReadonlyArray<readonly [RegExp, number]> = [
  [/[ijl|'!]/, 3.6],
  [/[ ft.,;:/\\I]/, 4.4],
  [/[r\-()[\]{}"`·]/, 5.3],
  [/[cksvxyzJ*^]/, 8],
  [/[a-z0-9_$#?+=<>~&LTFZ]/, 8.9],
  [/[wABEKPSVXY]/, 11.6],
  [/[CDGHNOQRU]/, 11.6],
  [/[mM→]/, 13.3],
  [/[W@%]/, 15.1],
];
const WIDEST = 16;
const FONT_SCALE = 1.15;

/**
 * A character written as an entity code is measured as the reference it becomes (`\\` as
 * `&#92;`): that is what Mermaid measures and wraps in an SVG text label, before it is decoded.
 */
function textWidth(text: string): number {
  let width = 0;
  for (const character of text) {
    const code = ENTITY_CODES[character];
    for (const measured of code ? `&${code}` : character) {
      width += CHARACTER_WIDTHS.find(([characters]) => characters.test(measured))?.[1] ?? WIDEST;
    }
  }
  return width * FONT_SCALE;
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
