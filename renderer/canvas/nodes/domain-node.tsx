import { type NodeProps, NodeResizer } from '@xyflow/react';
import { memo } from 'react';
import { domainById } from '../../../shared/editing/mesh-index';
import { MIN_DOMAIN_SIZE } from '../../../shared/editing/node-placement';
import { isBlank } from '../../../shared/model/blank-text';
import { UserText } from '../../app/user-text';
import { useDocumentStore } from '../../store/document-store';
import { useUiStore } from '../../store/ui-store';
import { NodeBadges } from './node-badges';

export const DomainNode = memo(function DomainNode({ id, selected }: NodeProps) {
  const domain = useDocumentStore((state) => (state.mesh ? domainById(state.mesh, id) : undefined));
  const isDropTarget = useUiStore((state) => state.dropTargetDomainId === id);
  if (!domain) return null;
  const { beginGesture, endGesture } = useDocumentStore.getState();
  return (
    <div
      className={`domain-node${isDropTarget ? ' domain-node--drop-target' : ''}`}
      style={{ '--domain-color': domain.color } as React.CSSProperties}
      data-testid={`domain-${domain.id}`}
    >
      <NodeResizer
        isVisible={selected}
        minWidth={MIN_DOMAIN_SIZE.width}
        minHeight={MIN_DOMAIN_SIZE.height}
        color={domain.color}
        onResizeStart={beginGesture}
        onResizeEnd={endGesture}
      />
      <div className="domain-node__title">
        <span className="domain-node__name" title={domain.name}>
          <UserText text={domain.name} />
        </span>
        <NodeBadges nodeId={domain.id} />
        {!isBlank(domain.owner) && <span className="domain-node__owner">{domain.owner}</span>}
      </div>
    </div>
  );
});
