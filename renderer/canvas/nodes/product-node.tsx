import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { useDocumentStore } from '../../store/document-store';

const KIND_LABELS = {
  'source-aligned': 'source-aligned',
  aggregate: 'aggregate',
  'consumer-aligned': 'consumer-aligned',
} as const;

export const ProductNode = memo(function ProductNode({ id }: NodeProps) {
  const product = useDocumentStore((state) => state.mesh?.products.find((candidate) => candidate.id === id));
  if (!product) return null;
  return (
    <div className={`product-node product-node--${product.kind}`} data-testid={`product-${product.id}`}>
      <Handle
        id={product.discoveryPort.id}
        type="source"
        position={Position.Top}
        isConnectable={false}
        className="port-handle port-handle--discovery"
        title={product.discoveryPort.name}
      />
      <div className="product-node__header">
        <span className="product-node__name">{product.name}</span>
        <span className="product-node__kind">{KIND_LABELS[product.kind]}</span>
      </div>
      {product.owner && <div className="product-node__owner">{product.owner}</div>}
      <div className="product-node__ports">
        <ul className="product-node__inputs">
          {product.inputPorts.map((port) => (
            <li key={port.id} className="port port--input">
              <Handle id={port.id} type="target" position={Position.Left} className="port-handle" />
              {port.name}
            </li>
          ))}
        </ul>
        <ul className="product-node__outputs">
          {product.outputPorts.map((port) => (
            <li key={port.id} className="port port--output">
              {port.name}
              <Handle id={port.id} type="source" position={Position.Right} className="port-handle" />
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
});
