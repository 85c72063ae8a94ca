/**
 * What Mermaid is set up with to draw a picture saved as an SVG file: labels as SVG `<text>`
 * rather than HTML in `<foreignObject>`, which only browsers draw (resvg, Inkscape and many
 * viewers show every box and edge label blank). SVG text is wrapped by Mermaid itself, which cuts
 * a word longer than the line (`orders.public.order` / `s`): lines twice its default width keep
 * topic and table names whole.
 */
export const SVG_TEXT_LABELS = { htmlLabels: false, flowchart: { wrappingWidth: 400 } } as const;

/**
 * A Mermaid SVG drawn with `SVG_TEXT_LABELS`, its labels showing the names they were written from.
 * Mermaid turns a label's entity codes (`#123;`) into character references (`&#123;`) meant for
 * HTML, and puts them into SVG text as they are, where they show as written (`{EU}` as
 * `&#123;EU&#125;`); our labels hold only numeric codes, so decoding those once gives each name back.
 */
export function svgLabelsAsWritten(svg: string): string {
  return withSplitReferencesJoined(svg).replace(
    /(<tspan[^>]*>)([^<]+)/g,
    (_, open: string, text: string) =>
      `${open}${text.replace(/&amp;#(\d+);/g, (reference, code: string) => decodedCharacter(code) ?? reference)}`,
  );
}

/**
 * Mermaid breaks a word too wide for its line anywhere, even inside a reference (`&#9` / `2;`):
 * such a reference is moved whole onto the next line. A label's `&` only ever starts a reference.
 */
function withSplitReferencesJoined(svg: string): string {
  return svg.replace(
    /&amp;(#?\d*)((?:<\/tspan>)+(?:<tspan[^>]*>)+)(#?\d*;)/g,
    (whole, start: string, lineBreak: string, end: string) =>
      /^#\d+;$/.test(start + end) ? `${lineBreak}&amp;${start}${end}` : whole,
  );
}

const MAX_CODE_POINT = 0x10ffff;
const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** The character of a numeric code, escaped for XML text (`60` is `&lt;`), or `undefined` past Unicode. */
function decodedCharacter(code: string): string | undefined {
  if (Number(code) > MAX_CODE_POINT) return undefined;
  const character = String.fromCodePoint(Number(code));
  return XML_ESCAPES[character] ?? character;
}
