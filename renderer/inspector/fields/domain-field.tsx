import { useDocumentStore } from '../../store/document-store';
import { moveToDomain } from '../../store/layout-actions';
import { ChoiceField } from './choice-field';

/** The domain a product or system belongs to; choosing another moves it there (as dragging it does). */
export function DomainField({ nodeId, domainId }: { nodeId: string; domainId: string }) {
  const domains = useDocumentStore((state) => state.mesh?.domains);
  return (
    <ChoiceField
      label="Domain"
      value={domainId}
      options={(domains ?? []).map((domain) => ({ value: domain.id, label: domain.name }))}
      onChange={(next) => moveToDomain(nodeId, next)}
    />
  );
}
