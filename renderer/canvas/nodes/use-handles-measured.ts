import { useUpdateNodeInternals } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { HandleLayout } from './handle-layout';

/**
 * Has React Flow measure the node's handles again when their layout changes. It measures them
 * only when a node mounts or resizes, and draws a link only between handles it has measured: a
 * port added, removed, moved or given a new id in a node that kept its size would leave a link
 * to it undrawn, or drawn to where the port was.
 */
export function useHandlesMeasured(nodeId: string, layout: HandleLayout): void {
  const updateNodeInternals = useUpdateNodeInternals();
  const measuredLayout = useRef(layout);
  useEffect(() => {
    // A node just mounted is measured by React Flow itself.
    if (measuredLayout.current === layout) return;
    measuredLayout.current = layout;
    updateNodeInternals(nodeId);
  }, [nodeId, layout, updateNodeInternals]);
}
