import type { Connection, Edge, FinalConnectionState, IsValidConnection, OnReconnect } from '@xyflow/react';
import { useMemo } from 'react';
import { linkEndForDropOn, linkEndsOf } from '../../shared/editing/link-ends';
import { checkConnection, type Endpoint } from '../../shared/model';
import { currentMesh } from '../store/document-store';
import { connect, reconnect, sayLinkRefused } from '../store/link-actions';
import { useNoticeStore } from '../store/notice-store';
import { useUiStore } from '../store/ui-store';
import { refocusSelectionWhenDrawn } from './canvas-element-focus';
import { clientPointOf } from './event-client-point';

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

/**
 * A link's end released away from any dot: on a product or system, it joins that node's matching
 * port, under the same rules as a drop on the dot; elsewhere, the status line says nothing was
 * linked. The end of an existing link (`relinkingId`) moves that link there rather than adding one.
 */
function linkDroppedOffDots(event: MouseEvent | TouchEvent, state: FinalConnectionState, relinkingId?: string): void {
  const mesh = currentMesh();
  if (!mesh || !state.fromHandle || state.isValid !== null) return;
  // For a link being re-routed, the handle it starts from is its end that stays.
  const start = { nodeId: state.fromHandle.nodeId, portId: state.fromHandle.id ?? '' };
  const nodeId = nodeIdUnder(event, (id) => linkEndsOf(mesh, id).length > 0);
  // Let go on the node it started from: the drag was given up.
  if (nodeId === start.nodeId) return;
  const end = nodeId
    ? linkEndForDropOn(mesh, start, nodeId, { replacingLinkId: relinkingId })
    : { ok: false as const, reason: "Nothing linked: drop the link on a port's dot, or on a product." };
  if (!end.ok) {
    useNoticeStore.getState().show({ tone: 'info', text: end.reason, isMomentary: true });
    return;
  }
  const result = relinkingId ? reconnect(relinkingId, start, end.endpoint) : connect(start, end.endpoint);
  if (!result.ok) sayLinkRefused(result.reason);
}

/** The product or system drawn under the pointer where the event happened, if any. */
function nodeIdUnder(event: MouseEvent | TouchEvent, isLinkable: (id: string) => boolean): string | undefined {
  const { x, y } = clientPointOf(event);
  return document
    .elementsFromPoint(x, y)
    .map((element) => element.closest<HTMLElement>('.react-flow__node')?.dataset.id)
    .find((id): id is string => id !== undefined && isLinkable(id));
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
    // React Flow ends a re-routing drag here too, before onReconnectEnd: it is told apart by the link being moved.
    const onConnectEnd = (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      explainRefusal(state);
      linkDroppedOffDots(event, state, replacingLinkId());
    };
    const onReconnectStart = (_event: React.MouseEvent, edge: Edge) => useUiStore.getState().setReconnecting(edge.id);
    const onReconnect: OnReconnect = (oldEdge, connection) => {
      const result = reconnect(oldEdge.id, ...endpoints(connection));
      if (!result.ok) sayLinkRefused(result.reason);
    };
    const onReconnectEnd = () => {
      useUiStore.getState().setReconnecting(null);
      void refocusSelectionWhenDrawn();
    };
    return { isValidConnection, onConnect, onConnectEnd, onReconnectStart, onReconnect, onReconnectEnd };
  }, []);
}
