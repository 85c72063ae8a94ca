/**
 * A frame (a subgraph's `<rect>`, its left and width), then its title's group up to the start of
 * its `translate(` x, the rest of the group, and the title's `<text`.
 */
const FRAME_TITLE =
  /(<g class="cluster"[^>]*><rect[^>]*? x="(-?[\d.]+)"[^>]*? width="([\d.]+)"[^>]*>(?:<\/rect>)?<g class="cluster-label"[^>]*? transform="translate\()-?[\d.e]+(,[^)]*\)"[^>]*><g>(?:<rect[^>]*>(?:<\/rect>)?)?)<text/g;

/**
 * A Mermaid SVG drawn with `SVG_TEXT_LABELS`, each frame's title centred on its frame by its
 * middle. Mermaid places a title by the width it measured, each entity code counted as its
 * reference (`&#38;`): once `svgLabelsAsWritten` shows the name (`&`), the shorter title would
 * start where the longer one did, left of centre.
 */
export function svgFrameTitlesCentred(svg: string): string {
  return svg.replace(
    FRAME_TITLE,
    (_, untilX: string, x: string, width: string, afterX: string) =>
      `${untilX}${Number(x) + Number(width) / 2}${afterX}<text text-anchor="middle"`,
  );
}
