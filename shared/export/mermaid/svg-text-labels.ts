/**
 * What Mermaid is set up with to draw a picture saved as an SVG file: labels as SVG `<text>`
 * rather than HTML in `<foreignObject>`, which only browsers draw (resvg, Inkscape and many
 * viewers show every box and edge label blank). SVG text is wrapped by Mermaid itself, which cuts
 * a word longer than the line (`orders.public.order` / `s`): lines twice its default width keep
 * topic and table names whole.
 */
export const SVG_TEXT_LABELS = { htmlLabels: false, flowchart: { wrappingWidth: 400 } } as const;
