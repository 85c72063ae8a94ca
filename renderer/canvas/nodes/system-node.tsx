import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { systemById } from '../../../shared/editing/mesh-index';
import { UserText } from '../../app/user-text';
import { useNodeMarks } from '../../governance/canvas-marks';
import { useDocumentStore } from '../../store/document-store';
import { TableRows, TracedMark } from '../simulation/node-activity';
import { NO_HANDLES, systemHandleLayout } from './handle-layout';
import { NodeBadges } from './node-badges';
import { portHandle } from './port-handle';
import { PortName } from './port-name';
import { useHandlesMeasured } from './use-handles-measured';

/** A microservice with its database (CDC on or off per table) and the topics its streams and events go to. */
export const SystemNode = memo(function SystemNode({ id }: NodeProps) {
  const system = useDocumentStore((state) => (state.mesh ? systemById(state.mesh, id) : undefined));
  const marks = useNodeMarks(id);
  useHandlesMeasured(id, system ? systemHandleLayout(system) : NO_HANDLES);
  if (!system) return null;
  return (
    <div className={`system-node${marks.node}`} data-testid={`system-${system.id}`}>
      <div className="system-node__header">
        <span className="system-node__name" title={system.name}>
          <UserText text={system.name} />
        </span>
        <NodeBadges nodeId={system.id} />
        <span className="system-node__kind">operational system</span>
        <TracedMark nodeId={system.id} />
      </div>
      <div className="system-node__section">
        <div className="system-node__label">
          service · <UserText text={system.service.name} />
        </div>
      </div>
      <div className="system-node__section">
        <div className="system-node__label">
          database · {system.database.engine} · <UserText text={system.database.name} />
        </div>
        <ul>
          {system.database.tables.map((table) => (
            <li key={table.name} className="system-node__table">
              <UserText text={table.name} />
              <TableRows systemId={system.id} table={table.name} />
              <span className={`badge ${table.cdc ? 'badge--cdc' : 'badge--off'}`}>{table.cdc ? 'CDC' : 'no CDC'}</span>
            </li>
          ))}
        </ul>
      </div>
      <div className="system-node__section">
        <div className="system-node__label">messaging · {system.messaging.broker}</div>
        <ul>
          {system.messaging.topics.map((topic) => (
            <li key={topic.id} className={`port port--output${marks.port(topic.id)}`} title={topic.name}>
              <span className="port__source">{topic.source.kind === 'cdc' ? 'CDC' : 'events'}</span>
              <PortName name={topic.name} />
              {portHandle({
                id: topic.id,
                label: topic.name,
                side: 'right',
                portRole: topic.source.kind === 'cdc' ? 'cdc' : 'outbox',
              })}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
});
