import { oneVisibleLine } from './mermaid-text';
import { decodedCharacter } from './svg-text-labels';

/**
 * A diagram's title for Mermaid's front matter. Mermaid shows it as written but drops any HTML
 * in it (`x <script>…</script>` comes out `x `): a `<` is written as its entity code `#60;`, and
 * a `#` only where it would read as a code (`#60;` written `#35;60;`), for `svgTitleAsWritten`
 * to undo.
 */
export function mermaidTitle(title: string): string {
  const escaped = oneVisibleLine(title)
    .replace(/#(?=\d+;)/g, '#35;')
    .replace(/</g, '#60;');
  return JSON.stringify(escaped);
}

/**
 * A Mermaid SVG with its title's entity codes (see `mermaidTitle`) shown as the characters they
 * stand for: a flowchart's title, or a contract's erDiagram's, each drawn with its kind's class.
 */
export function svgTitleAsWritten(svg: string): string {
  return svg.replace(
    /(<text[^>]*class="(?:flowchart|erDiagram)TitleText"[^>]*>)([^<]*)(<\/text>)/,
    (_, open: string, title: string, close: string) =>
      `${open}${title.replace(/#(\d+);/g, (code, number: string) => decodedCharacter(number) ?? code)}${close}`,
  );
}
