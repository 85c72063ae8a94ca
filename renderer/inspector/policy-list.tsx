import { useDocumentStore } from '../store/document-store';
import { InspectorSection } from './inspector-section';

const NO_RULES: Readonly<Record<string, unknown>> = {};

/** The design's policies as written (read-only: they are edited in the design file). */
export function PolicyList() {
  const rules = useDocumentStore((state) => state.mesh?.policies.rules ?? NO_RULES);
  const entries = Object.entries(rules);
  return (
    <InspectorSection title={`Policies (${entries.length})`} open={entries.length > 0}>
      {entries.length === 0 ? (
        <p className="inspector__note">
          No policies: every rule has its default severity. Set them in the design file under policies.rules.
        </p>
      ) : (
        <ul className="policy-list" data-testid="policy-list">
          {entries.map(([ruleId, entry]) => (
            <li key={ruleId}>
              <code>{ruleId}</code>: {JSON.stringify(entry)}
            </li>
          ))}
        </ul>
      )}
    </InspectorSection>
  );
}
