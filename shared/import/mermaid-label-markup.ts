/** An HTML tag as Mermaid draws it, formatting rather than text: `<b>`, `</sub>`, `<span style='…'>`. */
const HTML_TAG = /<\/?[A-Za-z][\w-]*(?:\s+[^<>]*)?\/?>/g;
/** A Font Awesome icon (`fa:fa-ship`, `fab:fa-github`), which Mermaid draws as an icon. */
const FONT_AWESOME_ICON = /\bfa[bklrs]?:fa-[\w-]+/g;

/**
 * A label's text as Mermaid shows it, its HTML tags and icons drawn as formatting: `CO<sub>2</sub>`
 * is `CO2`. Literal `<` our export writes as `#60;`, so a name holding a tag still reads back.
 */
export function withoutMarkup(label: string): string {
  return label.replace(HTML_TAG, '').replace(FONT_AWESOME_ICON, '');
}
