import { type ConnectionLineComponentProps, getBezierPath } from '@xyflow/react';
import { checkConnection } from '../../shared/model';
import { useDocumentStore } from '../store/document-store';
import { useUiStore } from '../store/ui-store';

/** The line drawn while connecting; over a port the rules refuse, it says why next to the pointer. */
export function ConnectionLine({
  fromX,
  fromY,
  toX,
  toY,
  fromPosition,
  toPosition,
  fromHandle,
  toHandle,
  connectionStatus,
}: ConnectionLineComponentProps) {
  const replacingLinkId = useUiStore((state) => state.reconnectingLinkId ?? undefined);
  const refusal = useDocumentStore((state) => {
    if (!state.mesh || !toHandle || connectionStatus !== 'invalid') return null;
    const check = checkConnection(
      state.mesh,
      { nodeId: fromHandle.nodeId, portId: fromHandle.id ?? '' },
      { nodeId: toHandle.nodeId, portId: toHandle.id ?? '' },
      { replacingLinkId },
    );
    return check.ok ? null : check.reason;
  });
  const [path] = getBezierPath({
    sourceX: fromX,
    sourceY: fromY,
    sourcePosition: fromPosition,
    targetX: toX,
    targetY: toY,
    targetPosition: toPosition,
  });
  return (
    <g className={`connection-line connection-line--${connectionStatus ?? 'pending'}`}>
      <path d={path} fill="none" />
      {refusal && (
        <foreignObject x={toX + 14} y={toY + 10} width={300} height={80} className="connection-refusal__frame">
          <div className="connection-refusal" role="status">
            {refusal}
          </div>
        </foreignObject>
      )}
    </g>
  );
}
