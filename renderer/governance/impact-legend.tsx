import type { ImpactLevel } from '../../shared/lineage/impact';

/** What each level means, as the legend says it; the sample line is drawn with the canvas's own classes. */
const LEGEND: ReadonlyArray<{ level: ImpactLevel; text: string }> = [
  { level: 'field', text: 'Solid magenta band: uses the changed fields by name (field level)' },
  { level: 'dataset', text: 'Dashed teal band: only reads a dataset downstream (dataset level)' },
];

/** How the canvas draws impacted links, with a sample of each line. */
export function ImpactLegend() {
  return (
    <ul className="impact-legend" aria-label="Impact legend" data-testid="impact-legend">
      {LEGEND.map(({ level, text }) => (
        <li key={level} title={text}>
          <svg width="40" height="16" aria-hidden="true">
            <path
              d="M 7 8 H 33"
              className={`link-impact link-impact--${level}`}
              data-testid={`impact-legend-${level}`}
            />
          </svg>
          {text}
        </li>
      ))}
    </ul>
  );
}
