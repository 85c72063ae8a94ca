import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { useDocumentStore } from '../../store/document-store';

export const SystemNode = memo(function SystemNode({ id }: NodeProps) {
  const system = useDocumentStore((state) => state.mesh?.systems.find((candidate) => candidate.id === id));
  if (!system) return null;
  return (
    <div className="system-node" data-testid={`system-${system.id}`}>
      <div className="system-node__header">
        <span className="system-node__name">{system.service.name}</span>
        <span className="system-node__kind">operational system</span>
      </div>
      <div className="system-node__section">
        <div className="system-node__label">database · {system.database.name}</div>
        <ul>
          {system.database.tables.map((table) => (
            <li key={table.name}>
              {table.name} {table.cdc && <span className="badge badge--cdc">CDC</span>}
            </li>
          ))}
        </ul>
      </div>
      <div className="system-node__section">
        <div className="system-node__label">messaging · {system.messaging.broker}</div>
        <ul>
          {system.messaging.topics.map((topic) => (
            <li key={topic.id} className="port port--output">
              {topic.name}
              <Handle id={topic.id} type="source" position={Position.Right} className="port-handle" />
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
});
