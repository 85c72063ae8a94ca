import { type DataPortDirection, withPortUpdated } from '../../shared/editing/ports';
import { hasBornPlaceholderName } from '../../shared/editing/products';
import {
  type DataProduct,
  type ExpectedField,
  LogicalTypeSchema,
  type Port,
  PortProtocolSchema,
} from '../../shared/model';
import { useContractTabs } from '../contracts/contract-tabs-store';
import { openNewPortContract } from '../contracts/new-port-contract';
import { PortExampleRecords } from '../simulation/example-records';
import { useDocumentStore } from '../store/document-store';
import { type OnIdChanged, takePortIdFromFirstName } from '../store/first-name-id';
import { addPort, movePort, removePort, updatePort } from '../store/port-actions';
import { updateProduct } from '../store/product-actions';
import { useUiStore } from '../store/ui-store';
import { useElementKeys } from './element-keys';
import { CheckField } from './fields/check-field';
import { ChoiceField } from './fields/choice-field';
import { elementNameCheck, uniqueAmong } from './fields/name-checks';
import { NameField } from './fields/name-field';
import { TextField } from './fields/text-field';
import { listCommands } from './list-commands';
import { ListEditor } from './list-editor';

const NO_CONTRACT = '';

/** What a port's fields are keyed by, for typing steps and for the focus a new port's name takes. */
const portKey = (productId: string, portId: string) => `${productId}.ports.${portId}`;

function PortFields({ product, port, onIdChanged }: { product: DataProduct; port: Port; onIdChanged?: OnIdChanged }) {
  const key = portKey(product.id, port.id);
  const contracts = useDocumentStore((state) => state.mesh?.contracts);
  return (
    <>
      <NameField
        accessibleName={`Name of port ${port.name}`}
        fieldKey={`${key}.name`}
        value={port.name}
        check={elementNameCheck({ kind: 'port', productId: product.id, portId: port.id })}
        focusFor={key}
        onFirstNamed={(options) => takePortIdFromFirstName(product.id, port.id, options, onIdChanged)}
        isPlaceholderName={hasBornPlaceholderName(port)}
        onChange={(name, options) => updatePort(product.id, port.id, { name }, options)}
      />
      {port.direction !== 'discovery' && (
        <ChoiceField
          label="Protocol"
          value={port.protocol}
          options={PortProtocolSchema.options}
          onChange={(protocol, options) => updatePort(product.id, port.id, { protocol }, options)}
        />
      )}
      {port.direction === 'output' && (
        <ChoiceField
          label="Data contract"
          value={port.contractId ?? NO_CONTRACT}
          options={[
            { value: NO_CONTRACT, label: '(none)' },
            ...(contracts ?? []).map((contract) => ({
              value: contract.id,
              label: `${contract.name} ${contract.version}`,
            })),
          ]}
          onChange={(contractId, options) =>
            updatePort(product.id, port.id, { contractId: contractId || undefined }, options)
          }
        />
      )}
      {port.direction === 'output' && port.contractId && (
        <button
          type="button"
          className="inspector__link-button"
          onClick={() => useContractTabs.getState().openContractToEdit(port.contractId as string)}
        >
          Edit contract
        </button>
      )}
      {port.direction === 'output' && !port.contractId && (
        <button
          type="button"
          className="inspector__link-button"
          title="A draft ODCS contract of what the port publishes, opened in the editor"
          onClick={() => openNewPortContract(product.id, port.id)}
        >
          New contract
        </button>
      )}
      {port.direction === 'output' && <PortExampleRecords productId={product.id} portId={port.id} />}
      <TextField
        label="Description"
        fieldKey={`${key}.description`}
        value={port.description}
        onChange={(description, options) => updatePort(product.id, port.id, { description }, options)}
      />
      {port.direction === 'input' && <ExpectedFields product={product} port={port} />}
    </>
  );
}

/** The fields an input port relies on, checked against whatever feeds it. */
function ExpectedFields({ product, port }: { product: DataProduct; port: Port }) {
  const expects = port.expects ?? [];
  const commands = listCommands<DataProduct, ExpectedField>(
    (recipe, options) => updateProduct(product.id, recipe, options),
    {
      read: (owner) => owner.inputPorts.find((candidate) => candidate.id === port.id)?.expects ?? [],
      write: (owner, items) => withPortUpdated(owner, port.id, (current) => ({ ...current, expects: items })),
    },
    (existing) => ({ name: `field_${existing.length + 1}`, logicalType: 'string', required: true }),
  );
  return (
    <div className="nested-list">
      <div className="nested-list__title">Expected fields</div>
      <ListEditor
        noun="expected field"
        items={expects}
        itemKey={(_, index) => String(index)}
        itemLabel={(field) => field.name}
        onAdd={commands.add}
        onRemove={commands.remove}
        onMove={commands.move}
        renderItem={(field, index) => (
          <div className="field-row">
            <NameField
              accessibleName={`Name of expected field ${field.name} of port ${port.name}`}
              fieldKey={`${product.id}.ports.${port.id}.expects.${index}.name`}
              value={field.name}
              check={uniqueAmong(expects, index, 'Another expected field')}
              onChange={(name, options) => commands.change(index, { name }, options)}
            />
            <ChoiceField
              label="Type"
              value={field.logicalType}
              options={LogicalTypeSchema.options}
              onChange={(logicalType, options) => commands.change(index, { logicalType }, options)}
            />
            <CheckField
              label="Required"
              checked={field.required}
              onChange={(required) => commands.change(index, { required })}
            />
          </div>
        )}
      />
    </div>
  );
}

const DIRECTION_TITLES = { input: 'Input ports (read from)', output: 'Output ports (serve datasets)' } as const;

export function PortList({ product, direction }: { product: DataProduct; direction: DataPortDirection }) {
  const ports = direction === 'input' ? product.inputPorts : product.outputPorts;
  const portKeys = useElementKeys();
  return (
    <div className="nested-list" data-testid={`${direction}-ports`}>
      <div className="nested-list__title">{DIRECTION_TITLES[direction]}</div>
      <ListEditor
        noun={`${direction} port`}
        items={ports}
        itemKey={(port) => portKeys.keyOf(port.id)}
        itemLabel={(port) => port.name}
        onAdd={() => {
          const portId = addPort(product.id, direction);
          if (portId) useUiStore.getState().requestNameFocus(portKey(product.id, portId));
        }}
        onRemove={(index) => ports[index] && removePort(product.id, ports[index].id)}
        onMove={(index, offset) => ports[index] && movePort(product.id, ports[index].id, offset)}
        renderItem={(port) => <PortFields product={product} port={port} onIdChanged={portKeys.idChanged} />}
      />
    </div>
  );
}

export function DiscoveryPortFields({ product }: { product: DataProduct }) {
  return (
    <div className="nested-list">
      <div className="nested-list__title">Discovery port (metadata for catalogs)</div>
      <PortFields product={product} port={product.discoveryPort} />
    </div>
  );
}
