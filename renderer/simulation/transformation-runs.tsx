import type { TransformationMetrics } from '../../shared/simulation';
import { ledByRuns } from '../../shared/simulation/recompute-summary';
import { useSimulationStore } from './simulation-store';
import { useProductName } from './use-product-name';

const NONE: Record<string, TransformationMetrics> = {};

/** How each transformation recomputes (only what a tick touched, or all of it and why) and its runs so far. */
export function TransformationRuns() {
  const transformations = useSimulationStore((state) => state.metrics?.transformations ?? NONE);
  const productName = useProductName();
  const steps = Object.entries(transformations);
  if (steps.length === 0) return null;
  return (
    <section aria-label="Transformations" className="transformation-runs">
      <h3 className="simulation-panel__title">How transformations recompute</h3>
      <table>
        <thead>
          <tr>
            <th>step</th>
            <th>recomputes</th>
            <th>runs</th>
          </tr>
        </thead>
        <tbody>
          {steps.map(([id, how]) => {
            const [productId = '', step = id] = id.split('/');
            return (
              <tr key={id} data-testid={`transformation-${id}`}>
                <td>
                  {productName(productId)} · <code>{step}</code>
                </td>
                <td>{recomputesText(how)}</td>
                <td>
                  {how.runs.incremental} touched · {how.runs.full} full · {how.runs.unchanged} unchanged
                  <FullRunReasons reasons={how.fullRunReasons} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** The step's plan in the panel's words, led by what its runs did when mostly full (as the CLI says it). */
function recomputesText(how: TransformationMetrics): string {
  const plan =
    how.mode === 'incremental'
      ? `what each tick touched${how.reason ? `; ${how.reason}` : ''}`
      : `in full: ${how.reason ?? ''}`;
  return ledByRuns(how, plan);
}

/** Why a step that recomputes what each tick touched ran in full, with how often. */
function FullRunReasons({ reasons }: { reasons: TransformationMetrics['fullRunReasons'] }) {
  const entries = Object.entries(reasons ?? {});
  if (entries.length === 0) return null;
  return (
    <ul className="transformation-runs__reasons" aria-label="Why it ran in full">
      {entries.map(([reason, count]) => (
        <li key={reason}>
          in full {count}×: {reason}
        </li>
      ))}
    </ul>
  );
}
