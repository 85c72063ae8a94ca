/**
 * What Mermaid is set up with to draw a picture saved as an SVG file: labels as SVG `<text>`
 * rather than HTML in `<foreignObject>`, which only browsers draw (resvg, Inkscape and many
 * viewers show every box and edge label blank).
 */
export const SVG_TEXT_LABELS = { htmlLabels: false } as const;
