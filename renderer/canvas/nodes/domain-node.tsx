import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useDocumentStore } from '../../store/document-store';

export const DomainNode = memo(function DomainNode({ id }: NodeProps) {
  const domain = useDocumentStore((state) => state.mesh?.domains.find((candidate) => candidate.id === id));
  if (!domain) return null;
  return (
    <div className="domain-node" style={{ '--domain-color': domain.color } as React.CSSProperties}>
      <div className="domain-node__title">
        <span className="domain-node__name">{domain.name}</span>
        {domain.owner && <span className="domain-node__owner">{domain.owner}</span>}
      </div>
    </div>
  );
});
