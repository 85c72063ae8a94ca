/**
 * A frame (a subgraph's `<rect>`, its left and width), then its title's group up to the start of
 * its `translate(` x, the rest of the group, and the title's `<text`.
 */
const FRAME_TITLE =
  /(<g class="cluster"[^>]*><rect[^>]*? x="(-?[\d.]+)"[^>]*? width="([\d.]+)"[^>]*>(?:<\/rect>)?<g class="cluster-label"[^>]*? transform="translate\()-?[\d.e]+(,[^)]*\)"[^>]*><g>(?:<rect[^>]*>(?:<\/rect>)?)?)<text/g;

/** The style of a frame title's HTML (a label drawn on screen), up to its first declaration. */
const HTML_FRAME_TITLE_STYLE = /(<g class="cluster-label"[^>]*><foreignObject[^>]*><div[^>]*? style=")/g;

/**
 * A Mermaid SVG with each frame's title centred on its frame, line by line. With `SVG_TEXT_LABELS`,
 * by its middle: Mermaid places a title by the width it measured, each entity code counted as its
 * reference (`&#38;`), so once `svgLabelsAsWritten` shows the name (`&`) the shorter title would
 * start where the longer one did, left of centre. With HTML labels (on screen), Mermaid centres
 * the title's box but starts each of its lines at the box's left edge.
 */
export function svgFrameTitlesCentred(svg: string): string {
  return svg
    .replace(
      FRAME_TITLE,
      (_, untilX: string, x: string, width: string, afterX: string) =>
        `${untilX}${Number(x) + Number(width) / 2}${afterX}<text text-anchor="middle"`,
    )
    .replace(HTML_FRAME_TITLE_STYLE, '$1text-align: center; ');
}
