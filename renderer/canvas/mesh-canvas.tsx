import { Background, Controls, MiniMap, ReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import { useDocumentStore } from '../store/document-store';
import { toFlowEdges, toFlowNodes } from './flow-elements';
import { DomainNode } from './nodes/domain-node';
import { ProductNode } from './nodes/product-node';
import { SystemNode } from './nodes/system-node';

const NODE_TYPES = { domain: DomainNode, product: ProductNode, system: SystemNode };

export function MeshCanvas() {
  const mesh = useDocumentStore((state) => state.mesh);
  const nodes = useMemo(() => (mesh ? toFlowNodes(mesh) : []), [mesh]);
  const edges = useMemo(() => (mesh ? toFlowEdges(mesh) : []), [mesh]);
  return (
    <div className="mesh-canvas" data-testid="canvas">
      <ReactFlow nodes={nodes} edges={edges} nodeTypes={NODE_TYPES} fitView minZoom={0.1}>
        <Background gap={16} />
        <MiniMap pannable zoomable />
        <Controls />
      </ReactFlow>
    </div>
  );
}
