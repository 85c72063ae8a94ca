import type { DiagramDirection } from '../../shared/export/mermaid';

/** How the Diagram view and the Export dialog name each layout of a diagram. */
export const DIRECTION_LABELS: Record<DiagramDirection, string> = {
  auto: 'Fit a slide',
  lr: 'Left to right',
  tb: 'Top to bottom',
};
