import { Handle, Position } from '@xyflow/react';

export type PortSide = 'left' | 'right' | 'top';

const POSITION = { left: Position.Left, right: Position.Right, top: Position.Top } as const;

interface PortHandleProps {
  /** Unique within its node (a port's or topic's id), so links and auto-layout attach to this handle. */
  id: string;
  label: string;
  side: PortSide;
  /** What the port is, for its tooltip and styling: input, output, discovery, cdc, outbox. */
  portRole: string;
}

/**
 * A labelled port. Handles accept connections in either direction (the canvas orients links by
 * the connection rules), so every refusal can be explained rather than silently ignored.
 * A function rather than a component: a thousand products have five thousand ports, and a
 * component layer for each would only add work to every render of the canvas.
 */
export function portHandle({ id, label, side, portRole }: PortHandleProps) {
  return (
    <Handle
      id={id}
      type={side === 'left' ? 'target' : 'source'}
      position={POSITION[side]}
      className={`port-handle port-handle--${portRole}`}
      title={`${label} (${portRole})`}
      data-port-role={portRole}
    />
  );
}
