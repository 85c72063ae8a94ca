import { oneVisibleLine } from './mermaid-text';

/*
 * Mermaid shows a front-matter title as written, decoding no entity code in it, unless it holds a
 * `<`: then it sanitises the title as HTML and shows the result as text (`Match <v2>` comes out
 * `Match `, `a < b & c` as `a &lt; b &amp; c`). So a title is written as it is but for `<`, written
 * `#60;`; a `#` is written `#35;` only where it would read as such a code (`#60;`, `#35;60;`, …).
 */

/** A `#` that starts what reads as a written `<`: `#60;`, or `#35;` before one (a `#` written so). */
const CODE_STARTS = /#(?=(?:35;)*60;)/g;
/** A written `<`, or the code of a `#` before one. */
const WRITTEN_CODES = /#60;|#35;(?=(?:35;)*60;)/g;

/** A diagram's title for Mermaid's front matter: a YAML double-quoted string (JSON's escapes are YAML's). */
export function mermaidTitle(title: string): string {
  return JSON.stringify(oneVisibleLine(title).replace(CODE_STARTS, '#35;').replace(/</g, '#60;'));
}

/** The title a front matter's title was written from by `mermaidTitle`: its `<` and `#` codes undone. */
export function titleAsWritten(written: string): string {
  return written.replace(WRITTEN_CODES, (code) => (code === '#60;' ? '<' : '#'));
}

/**
 * A Mermaid SVG with its title (a flowchart's, or a contract's erDiagram's, each drawn with its
 * kind's class) as it was written: `<` in place of `#60;`.
 */
export function svgTitleAsWritten(svg: string): string {
  return svg.replace(
    /(<text[^>]*class="(?:flowchart|erDiagram)TitleText"[^>]*>)([^<]*)(<\/text>)/,
    (_, open: string, title: string, close: string) => `${open}${titleAsWritten(title).replace(/</g, '&lt;')}${close}`,
  );
}
