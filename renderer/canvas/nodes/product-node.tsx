import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { productById } from '../../../shared/editing/mesh-index';
import { isBlank } from '../../../shared/model/blank-text';
import { UserText } from '../../app/user-text';
import { useContractTabs } from '../../contracts/contract-tabs-store';
import { useNodeMarks } from '../../governance/canvas-marks';
import { useDocumentStore } from '../../store/document-store';
import { PortActivity, ProductActivity } from '../simulation/node-activity';
import { NO_HANDLES, productHandleLayout } from './handle-layout';
import { NodeBadges } from './node-badges';
import { portHandle } from './port-handle';
import { PortName } from './port-name';
import { useHandlesMeasured } from './use-handles-measured';

export const ProductNode = memo(function ProductNode({ id }: NodeProps) {
  const product = useDocumentStore((state) => (state.mesh ? productById(state.mesh, id) : undefined));
  const marks = useNodeMarks(id);
  useHandlesMeasured(id, product ? productHandleLayout(product) : NO_HANDLES);
  if (!product) return null;
  return (
    <div className={`product-node product-node--${product.kind}${marks.node}`} data-testid={`product-${product.id}`}>
      {portHandle({
        id: product.discoveryPort.id,
        label: product.discoveryPort.name,
        side: 'top',
        portRole: 'discovery',
      })}
      <div className="product-node__header">
        <span className="product-node__name" title={product.name}>
          <UserText text={product.name} />
        </span>
        <NodeBadges nodeId={product.id} />
      </div>
      <div className="product-node__meta">
        <span className="product-node__kind">{product.kind}</span>
        {!isBlank(product.owner) && <span className="product-node__owner">{product.owner}</span>}
      </div>
      <ProductActivity productId={product.id} />
      <div className="product-node__ports">
        <ul className="product-node__inputs" aria-label="Input ports">
          {product.inputPorts.map((port) => (
            <li key={port.id} className={`port port--input${marks.port(port.id)}`} title={port.name}>
              {portHandle({ id: port.id, label: port.name, side: 'left', portRole: 'input' })}
              <PortName name={port.name} />
            </li>
          ))}
        </ul>
        <ul className="product-node__outputs" aria-label="Output ports">
          {product.outputPorts.map((port) => (
            <li
              key={port.id}
              className={`port port--output${port.contractId ? ' port--has-contract' : ''}${marks.port(port.id)}`}
              title={port.contractId ? `${port.name}\nDouble-click to edit its contract` : port.name}
              onDoubleClick={(event) => {
                if (!port.contractId) return;
                event.stopPropagation();
                useContractTabs.getState().openContract(port.contractId);
              }}
            >
              <PortName name={port.name} />
              <PortActivity productId={product.id} portId={port.id} />
              {portHandle({ id: port.id, label: port.name, side: 'right', portRole: 'output' })}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
});
