import type { Connection, Edge, FinalConnectionState, IsValidConnection, OnReconnect } from '@xyflow/react';
import { useMemo } from 'react';
import { checkConnection, type Endpoint } from '../../shared/model';
import { currentMesh } from '../store/document-store';
import { connect, reconnect, sayLinkRefused } from '../store/link-actions';
import { useUiStore } from '../store/ui-store';

function endpoints(connection: Connection | Edge): [Endpoint, Endpoint] {
  return [
    { nodeId: connection.source, portId: connection.sourceHandle ?? '' },
    { nodeId: connection.target, portId: connection.targetHandle ?? '' },
  ];
}

const replacingLinkId = () => useUiStore.getState().reconnectingLinkId ?? undefined;

/** A drop on a port the rules refuse says why in the status bar (the line said it while dragging). */
function explainRefusal(state: FinalConnectionState): void {
  const mesh = currentMesh();
  if (!mesh || !state.fromHandle || !state.toHandle || state.isValid !== false) return;
  const check = checkConnection(
    mesh,
    { nodeId: state.fromHandle.nodeId, portId: state.fromHandle.id ?? '' },
    { nodeId: state.toHandle.nodeId, portId: state.toHandle.id ?? '' },
    { replacingLinkId: replacingLinkId() },
  );
  if (!check.ok) sayLinkRefused(check.reason);
}

/** Connecting and re-routing links, checked by the connection rules while dragging and on drop. */
export function useConnectionHandlers() {
  return useMemo(() => {
    const isValidConnection: IsValidConnection = (connection) => {
      const mesh = currentMesh();
      if (!mesh) return false;
      const [first, second] = endpoints(connection as Connection);
      return checkConnection(mesh, first, second, { replacingLinkId: replacingLinkId() }).ok;
    };
    const onConnect = (connection: Connection) => {
      const result = connect(...endpoints(connection));
      if (!result.ok) sayLinkRefused(result.reason);
    };
    const onConnectEnd = (_event: MouseEvent | TouchEvent, state: FinalConnectionState) => explainRefusal(state);
    const onReconnectStart = (_event: React.MouseEvent, edge: Edge) => useUiStore.getState().setReconnecting(edge.id);
    const onReconnect: OnReconnect = (oldEdge, connection) => {
      const result = reconnect(oldEdge.id, ...endpoints(connection));
      if (!result.ok) sayLinkRefused(result.reason);
    };
    const onReconnectEnd = (
      _event: MouseEvent | TouchEvent,
      _edge: Edge,
      _type: unknown,
      state: FinalConnectionState,
    ) => {
      explainRefusal(state);
      useUiStore.getState().setReconnecting(null);
    };
    return { isValidConnection, onConnect, onConnectEnd, onReconnectStart, onReconnect, onReconnectEnd };
  }, []);
}
