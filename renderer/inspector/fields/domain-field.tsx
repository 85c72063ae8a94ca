import { useDocumentStore } from '../../store/document-store';
import { moveToDomain } from '../../store/layout-actions';
import { ChoiceField } from './choice-field';

const SEVERAL = '';

/**
 * The domain products and systems belong to; choosing another moves them there (as dragging
 * does). `domainId` is absent when the selected ones belong to different domains.
 */
export function DomainField({ nodeIds, domainId }: { nodeIds: readonly string[]; domainId?: string }) {
  const domains = useDocumentStore((state) => state.mesh?.domains);
  const options = (domains ?? []).map((domain) => ({ value: domain.id, label: domain.name }));
  return (
    <ChoiceField
      label="Domain"
      value={domainId ?? SEVERAL}
      options={domainId ? options : [{ value: SEVERAL, label: 'Several domains', disabled: true }, ...options]}
      onChange={(next, changeOptions) => moveToDomain(nodeIds, next, changeOptions)}
    />
  );
}
