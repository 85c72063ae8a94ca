import { useEffect, useRef } from 'react';
import { CLASSIFICATION_LEVELS_PLACE, policyPlace } from '../../shared/validation/places';
import { useGovernanceStore } from '../governance/governance-store';
import { useDocumentStore } from '../store/document-store';
import { InspectorSection } from './inspector-section';

const NO_RULES: Readonly<Record<string, unknown>> = {};

/** The design's policies as written (read-only: they are edited in the design file). */
export function PolicyList() {
  const rules = useDocumentStore((state) => state.mesh?.policies.rules ?? NO_RULES);
  const levels = useDocumentStore((state) => state.mesh?.policies.classificationLevels);
  const entries = Object.entries(rules);
  const count = entries.length + (levels ? 1 : 0);
  return (
    <InspectorSection title={`Policies (${count})`} open={count > 0}>
      {count === 0 ? (
        <p className="inspector__note">
          No policies: every rule has its default severity. Set them in the design file under policies.rules.
        </p>
      ) : (
        <ul className="policy-list" data-testid="policy-list">
          {entries.map(([ruleId, entry]) => (
            <PolicyEntry key={ruleId} name={ruleId} path={policyPlace(ruleId).path} entry={entry} />
          ))}
          {levels && <PolicyEntry name="classificationLevels" path={CLASSIFICATION_LEVELS_PLACE.path} entry={levels} />}
        </ul>
      )}
    </InspectorSection>
  );
}

/** One policy, at `path` in the design file; the one a problem sent the user to is highlighted and scrolled into view. */
function PolicyEntry({ name, path, entry }: { name: string; path: string; entry: unknown }) {
  const isFocused = useGovernanceStore((state) => state.focusedPolicy === path);
  const item = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (!isFocused || !item.current) return;
    // The section keeps its state in the DOM: the user may have closed it.
    const section = item.current.closest('details');
    if (section) section.open = true;
    item.current.scrollIntoView({ block: 'center' });
  }, [isFocused]);
  return (
    <li
      ref={item}
      className={isFocused ? 'policy-list__entry policy-list__entry--focused' : 'policy-list__entry'}
      aria-current={isFocused || undefined}
    >
      <code>{name}</code>: {JSON.stringify(entry)}
    </li>
  );
}
