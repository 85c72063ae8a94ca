import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { domainCounts } from '../../../shared/editing/domain-overview';
import { domainById } from '../../../shared/editing/mesh-index';
import { isBlank } from '../../../shared/model/blank-text';
import { UserText } from '../../app/user-text';
import { useDocumentStore } from '../../store/document-store';
import { problemCountsByDomain } from '../domain-problems';

const NO_COUNTS = { products: 0, systems: 0, ports: 0 };

/**
 * A domain seen from far away, where product names cannot be read: one block with its name,
 * owner and what it holds. Links between domains attach to its sides.
 */
export const DomainBlockNode = memo(function DomainBlockNode({ id }: NodeProps) {
  const domain = useDocumentStore(
    useShallow((state) => {
      const found = state.mesh ? domainById(state.mesh, id) : undefined;
      return found && { name: found.name, owner: found.owner, color: found.color };
    }),
  );
  const counts = useDocumentStore(useShallow((state) => (state.mesh ? domainCounts(state.mesh).get(id) : undefined)));
  const problems = useDocumentStore(
    (state) => problemCountsByDomain(state.mesh, state.baseline, state.preparedSteps).get(id) ?? 0,
  );
  if (!domain) return null;
  const { products, systems, ports } = counts ?? NO_COUNTS;
  return (
    <div
      className="domain-block"
      style={{ '--domain-color': domain.color } as React.CSSProperties}
      data-testid={`domain-block-${id}`}
    >
      <Handle id="in" type="target" position={Position.Left} isConnectable={false} className="domain-block__handle" />
      <div className="domain-block__name" title={domain.name}>
        <UserText text={domain.name} />
      </div>
      {!isBlank(domain.owner) && <div className="domain-block__owner">{domain.owner}</div>}
      <dl className="domain-block__counts">
        <div className="domain-block__count">
          <dt>products</dt>
          <dd>{products}</dd>
        </div>
        <div className="domain-block__count">
          <dt>systems</dt>
          <dd>{systems}</dd>
        </div>
        <div className="domain-block__count">
          <dt>ports</dt>
          <dd>{ports}</dd>
        </div>
        <div className={problems > 0 ? 'domain-block__count domain-block__problems' : 'domain-block__count'}>
          <dt>problems</dt>
          <dd>{problems}</dd>
        </div>
      </dl>
      <Handle id="out" type="source" position={Position.Right} isConnectable={false} className="domain-block__handle" />
    </div>
  );
});
