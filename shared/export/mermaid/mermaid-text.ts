import { controlsEscaped, escapedCharacters } from '../../model';

/** Stands in for an arrow inside a name of `NamesJoinedByArrows` until the label is written. */
const NAME_ARROW = '\uE003';

/**
 * Mermaid's entity codes for every character that could end a quoted label, open an HTML tag, a
 * markdown string, a YAML escape inside `@{ … }` or a `%%{ }%%` directive, and for a name's own
 * arrow. All numeric (`#34;`, not `#quot;`): Mermaid decodes a few named ones where it writes an
 * SVG text label and none of the numeric ones, so a picture's labels come back to their names by
 * decoding only those (see `svgLabelsAsWritten`).
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
  [NAME_ARROW]: '#8594;',
};

/**
 * A `:` that makes a Font Awesome reference of the letters around it (`fa:fa-trophy`, `fab:fa-github`),
 * which Mermaid draws in an HTML label as an icon in place of those letters; coded, it is text.
 */
const ICON_COLON = /(?<=fa[bklrs]?):(?=fa-[\w-])/g;

/** Any character ENTITY_CODES has a code for, those a character class reads escaped. */
const CODED_CHARACTERS = new RegExp(
  `[${Object.keys(ENTITY_CODES)
    .join('')
    .replace(/[\\\]^-]/g, '\\$&')}]`,
  'g',
);

/**
 * How wide a label's line may be, in pixels of Mermaid's 16 px label font, with a margin for the
 * estimate: as shown, and as Mermaid measures it in SVG text, where each entity code counts as the
 * reference it becomes (`{` as `&#123;`) until the picture is finished. On screen (HTML) Mermaid
 * wraps every label at 200 px, and a longer word overflows its box; in SVG text it wraps an edge
 * label at 200 px whatever it is configured with, a box's at its `wrappingWidth` (400: see
 * SVG_TEXT_LABELS), cutting a longer word anywhere (`shipping.public.shipment_status` / `_events`),
 * and a group title not at all; it draws a box or group as wide as the references.
 */
interface LineWidths {
  shown: number;
  asReferences: number;
}
const SHOWN_WIDTH = 185;
const LINE_WIDTHS: Readonly<Record<LabelKind, LineWidths>> = {
  edge: { shown: SHOWN_WIDTH, asReferences: SHOWN_WIDTH },
  box: { shown: SHOWN_WIDTH, asReferences: 370 },
  title: { shown: SHOWN_WIDTH, asReferences: 370 },
};

/** Where a label stands: on an edge, in a box (`@{ label: … }`), or as a group's (subgraph's) title. */
export type LabelKind = 'edge' | 'box' | 'title';

/**
 * Names shown joined by arrows (`orders.public.orders → orders CDC`). An arrow inside a name is
 * written as its code (`#8594;`), which Mermaid draws as the same arrow, so that a reader (our
 * Mermaid import among them) tells the arrows between names from a name's own (`crusher → stockpile`).
 */
export interface NamesJoinedByArrows {
  names: readonly string[];
}

/** A label's text: as it is written, or names joined by arrows. */
export type LabelText = string | NamesJoinedByArrows;

/** The label as one line, an arrow inside a name held by `NAME_ARROW` until it is written. */
function labelLine(text: LabelText): string {
  if (typeof text === 'string') return oneVisibleLine(text).trim();
  return text.names.map((name) => oneVisibleLine(name).trim().replaceAll('→', NAME_ARROW)).join(' → ');
}

/**
 * A label as a quoted Mermaid string broken into lines (`<br/>`) that fit a line: between words,
 * or inside a name too long for a line after its `.` or `/`, then its `_` or `-`, where these
 * stand between letters or digits (never inside `</b>` or `}}%%`), and a word with no such place
 * where the line is full, so that Mermaid never has to cut one. A break between words keeps its
 * space (` <br/>`): a reader, our Mermaid import among them, can tell it from a break inside a
 * name. In a box's `@{ label: "…" }`, which is YAML, lines break with YAML's `\\n` instead: Mermaid
 * reads HTML in a box's label (a `<br/>`) through its sanitizer, which decodes the label's entity
 * codes there and in no other label.
 */
export function mermaidLines(text: LabelText, kind: LabelKind = 'edge'): string {
  return `"${labelLines(text, kind)
    .map(escaped)
    .join(kind === 'box' ? '\\n' : '<br/>')}"`;
}

/** The size of a label as `mermaidLines` breaks it: its widest line as shown, in pixels, and how many lines. */
export function labelExtent(text: LabelText, kind: LabelKind = 'edge'): { width: number; lines: number } {
  const lines = labelLines(text, kind);
  return { width: Math.max(...lines.map((line) => textWidths(line.trim()).shown)), lines: lines.length };
}

function labelLines(text: LabelText, kind: LabelKind): string[] {
  const oneLine = labelLine(text) || ' ';
  const widths = LINE_WIDTHS[kind];
  const fits = (line: string) => {
    const width = textWidths(line);
    return width.shown <= widths.shown && width.asReferences <= widths.asReferences;
  };
  return wrappedLines(oneLine, fits);
}

/**
 * What an erDiagram's quoted label (an entity's, a relationship's, an attribute's comment) would
 * read otherwise: Mermaid draws it as Markdown, so `*`, an `_` not inside a word (`_id_` in
 * italics) and a link's `](` are formatting, a `~` makes Mermaid refuse the whole diagram, and
 * the `:` of `https://`, `http://` or `ftp://`, the `.` of `www.` and an `@` (an e-mail address)
 * make a link of a bare address, which a saved picture (SVG text) leaves out.
 */
const ER_MARKDOWN = /[*~@]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])|\](?=\()|(?<=https?|ftp):(?=\/\/)|(?<=www)\./giu;

/**
 * A label of an erDiagram as one quoted Mermaid string, entity-coded as `mermaidLines` codes it and
 * its Markdown too (see `ER_MARKDOWN`), not broken into lines.
 */
export function mermaidString(text: string): string {
  const coded = escaped(oneVisibleLine(text).trim() || ' ');
  return `"${coded.replace(ER_MARKDOWN, codeOf)}"`;
}

/**
 * Text on one line, each control character other than whitespace shown as the CLI prints it
 * (`\u001b`): Mermaid's YAML (a box's label, the title) refuses them, and an SVG cannot hold them.
 */
export function oneVisibleLine(text: string): string {
  return controlsEscaped(text.replace(/\s+/g, ' '));
}

/** Where a long name may break, best first: after each of these characters between letters or digits. */
const NAME_BREAKS = [/(?<=[\p{L}\p{N}][./])(?=[\p{L}\p{N}])/u, /(?<=[\p{L}\p{N}][_-])(?=[\p{L}\p{N}])/u];

/** Greedy lines that fit (a space ending one aside). */
function wrappedLines(text: string, fits: (line: string) => boolean): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    nameParts(word, fits).forEach((part, index) => {
      const isNewWord = index === 0 && line !== '';
      const joined = isNewWord ? `${line} ${part}` : `${line}${part}`;
      if (line && !fits(joined)) {
        lines.push(isNewWord ? `${line} ` : line);
        line = part;
      } else {
        line = joined;
      }
    });
  }
  return [...lines, line];
}

function nameParts(name: string, fits: (line: string) => boolean, breaks = NAME_BREAKS): string[] {
  const [at, ...weaker] = breaks;
  if (fits(name)) return [name];
  if (!at) return filledParts(name, fits);
  return name.split(at).flatMap((part) => nameParts(part, fits, weaker));
}

/**
 * A word longer than a line with no place to break between letters, cut where each line is full:
 * after its last `.`, `/`, `_` or `-` that fits when it has one (a reader, our Mermaid import among
 * them, takes a break there as inside a word), else at the last character that fits, never
 * inside a control character's escape (`\u0007`).
 */
function filledParts(word: string, fits: (line: string) => boolean): string[] {
  const parts: string[] = [];
  let rest = escapedCharacters(word);
  while (rest.length > 0) {
    let length = 1;
    while (length < rest.length && fits(rest.slice(0, length + 1).join(''))) length++;
    if (length < rest.length) {
      const afterMark = rest.slice(0, length).findLastIndex((character) => /[./_-]/.test(character)) + 1;
      if (afterMark > 0) length = afterMark;
    }
    parts.push(rest.slice(0, length).join(''));
    rest = rest.slice(length);
  }
  return parts;
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

// Each character is measured once: filling lines measures the same text many times over.
const characterWidths = new Map<string, LineWidths>();

/** A character's width as shown, and as Mermaid measures it in SVG text: written as a code, as its reference (`\\` as `&#92;`). */
function characterWidth(character: string): LineWidths {
  const known = characterWidths.get(character);
  if (known) return known;
  const measure = (text: string) =>
    [...text].reduce(
      (width, measured) =>
        width + (CHARACTER_WIDTHS.find(([characters]) => characters.test(measured))?.[1] ?? WIDEST) * FONT_SCALE,
      0,
    );
  const code = ENTITY_CODES[character];
  const shown = character === NAME_ARROW ? '→' : character;
  const width = { shown: measure(shown), asReferences: measure(code ? `&${code}` : character) };
  characterWidths.set(character, width);
  return width;
}

function textWidths(text: string): LineWidths {
  let shown = 0;
  let asReferences = 0;
  for (const character of text) {
    const width = characterWidth(character);
    shown += width.shown;
    asReferences += width.asReferences;
  }
  return { shown, asReferences };
}

function escaped(text: string): string {
  return text.replace(CODED_CHARACTERS, (character) => ENTITY_CODES[character] as string).replace(ICON_COLON, codeOf);
}

/** A character as Mermaid's numeric entity code (`:` as `#58;`). */
function codeOf(character: string): string {
  return `#${character.codePointAt(0)};`;
}

/** What a Mermaid id cannot hold as written: anything but letters, digits and `_`, bar a hyphen between two of those. */
const UNSAFE_IN_MERMAID_ID = /[^A-Za-z0-9_-]|(?<![A-Za-z0-9_])-|-(?![A-Za-z0-9_])/g;

/**
 * Hands out Mermaid ids made of a kind prefix and the model id with everything but letters,
 * digits, `_` and a hyphen between them replaced by `_`: never a keyword (`end`, `graph`), never
 * an arrow (`a--b` becomes `product_a__b`), and never the same id twice (`a--b` and `a__b`
 * become `product_a__b` and `product_a__b_2`). A lone hyphen is kept, so an import gives the
 * design's id back (`tank-health`).
 */
export function createMermaidIds(): (prefix: string, modelId: string) => string {
  const byKey = new Map<string, string>();
  const taken = new Set<string>();
  return (prefix, modelId) => {
    const key = `${prefix}\u0000${modelId}`;
    const known = byKey.get(key);
    if (known) return known;
    const stem = `${prefix}_${modelId.replace(UNSAFE_IN_MERMAID_ID, '_')}`;
    let id = stem;
    for (let suffix = 2; taken.has(id); suffix++) id = `${stem}_${suffix}`;
    taken.add(id);
    byKey.set(key, id);
    return id;
  };
}

/**
 * Hands out short Mermaid ids, a prefix and a count (`p1`, `p2`, `s1`), each model id its own,
 * in the order they are asked for: for a diagram as large as a domain's lineage, whose ids would
 * otherwise be most of its text. The same design gives the same ids.
 */
export function createShortMermaidIds(): (prefix: string, modelId: string) => string {
  const byKey = new Map<string, string>();
  const counts = new Map<string, number>();
  return (prefix, modelId) => {
    const key = `${prefix}\u0000${modelId}`;
    const known = byKey.get(key);
    if (known) return known;
    const count = (counts.get(prefix) ?? 0) + 1;
    counts.set(prefix, count);
    const id = `${prefix}${count}`;
    byKey.set(key, id);
    return id;
  };
}
