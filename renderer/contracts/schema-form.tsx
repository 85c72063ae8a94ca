import { type ChangeEvent, useId } from 'react';
import {
  type Contract,
  type ContractProperty,
  KNOWN_CONTRACT_STATUSES,
  type LogicalType,
  LogicalTypeSchema,
} from '../../shared/model';
import { ContractExampleRecords } from '../simulation/example-records';
import { useDocumentStore } from '../store/document-store';
import { updateContract } from './contract-actions';

const LOGICAL_TYPES = LogicalTypeSchema.options;
type FlagName = 'required' | 'unique' | 'primaryKey';

/** The contract's schema as a table, for people who do not want YAML; it edits the same model. */
export function SchemaForm({ contractId }: { contractId: string }) {
  const contract = useDocumentStore((state) => state.mesh?.contracts.find((candidate) => candidate.id === contractId));
  const endTyping = useDocumentStore((state) => state.endTyping);
  const formId = useId();
  if (!contract) return null;

  const edit = (recipe: (contract: Contract) => Contract, field?: string) =>
    updateContract(contractId, recipe, field ? { coalesceKey: `contract:${contractId}:${field}` } : undefined);
  const editProperty = (objectIndex: number, propertyIndex: number, patch: Partial<ContractProperty>, field?: string) =>
    edit(
      (current) => ({
        ...current,
        schema: current.schema.map((object, index) =>
          index !== objectIndex
            ? object
            : {
                ...object,
                properties: object.properties.map((property, position) =>
                  position === propertyIndex ? withoutEmpty({ ...property, ...patch }) : property,
                ),
              },
        ),
      }),
      field && `${objectIndex}.${propertyIndex}.${field}`,
    );
  const editProperties = (objectIndex: number, recipe: (properties: ContractProperty[]) => ContractProperty[]) =>
    edit((current) => ({
      ...current,
      schema: current.schema.map((object, index) =>
        index === objectIndex ? { ...object, properties: recipe(object.properties) } : object,
      ),
    }));

  return (
    <form className="schema-form" onBlur={endTyping} onSubmit={(event) => event.preventDefault()}>
      <div className="schema-form__header">
        <label>
          Name
          <input
            value={contract.name}
            onChange={(event) => edit((current) => ({ ...current, name: event.target.value }), 'name')}
          />
        </label>
        <label>
          Version
          <input
            value={contract.version}
            onChange={(event) => edit((current) => ({ ...current, version: event.target.value }), 'version')}
          />
        </label>
        <label>
          Status
          <input
            list={`${formId}-statuses`}
            value={contract.status}
            onChange={(event) => edit((current) => ({ ...current, status: event.target.value }), 'status')}
          />
          <datalist id={`${formId}-statuses`}>
            {KNOWN_CONTRACT_STATUSES.map((status) => (
              <option key={status} value={status} />
            ))}
          </datalist>
        </label>
        <label>
          Dataset
          <select
            value={contract.kind}
            onChange={(event) => edit((current) => ({ ...current, kind: event.target.value as Contract['kind'] }))}
          >
            <option value="event">event (immutable)</option>
            <option value="entity">entity (mutable, keyed)</option>
          </select>
        </label>
        <label className="schema-form__check">
          <input
            type="checkbox"
            checked={contract.keepHistory}
            disabled={contract.kind === 'event'}
            onChange={(event) => edit((current) => ({ ...current, keepHistory: event.target.checked }))}
          />
          keep history
        </label>
      </div>
      {contract.schema.map((object, objectIndex) => (
        <table key={object.name} className="schema-form__table" aria-label={`Fields of ${object.name}`}>
          <caption>{object.name}</caption>
          <thead>
            <tr>
              <th>Field</th>
              <th>Type</th>
              <th title="Required (not null)">Req.</th>
              <th>Unique</th>
              <th title="Primary key">PK</th>
              <th>Classification</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {object.properties.map((property, propertyIndex) => {
              const flag = (name: FlagName) => (
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${property.name} ${name}`}
                    checked={property[name]}
                    onChange={(event) => editProperty(objectIndex, propertyIndex, { [name]: event.target.checked })}
                  />
                </td>
              );
              const text = (field: 'name' | 'classification') => (event: ChangeEvent<HTMLInputElement>) =>
                editProperty(objectIndex, propertyIndex, { [field]: event.target.value }, field);
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: fields are edited in place, renaming must keep focus.
                <tr key={propertyIndex}>
                  <td>
                    <input aria-label="Field name" value={property.name} onChange={text('name')} />
                  </td>
                  <td>
                    <select
                      aria-label={`${property.name} type`}
                      value={property.logicalType}
                      onChange={(event) =>
                        editProperty(objectIndex, propertyIndex, { logicalType: event.target.value as LogicalType })
                      }
                    >
                      {LOGICAL_TYPES.map((type) => (
                        <option key={type}>{type}</option>
                      ))}
                    </select>
                  </td>
                  {flag('required')}
                  {flag('unique')}
                  {flag('primaryKey')}
                  <td>
                    <input
                      aria-label={`${property.name} classification`}
                      placeholder="e.g. pii"
                      value={property.classification ?? ''}
                      onChange={text('classification')}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      aria-label={`Remove ${property.name}`}
                      onClick={() =>
                        editProperties(objectIndex, (properties) =>
                          properties.filter((_, index) => index !== propertyIndex),
                        )
                      }
                    >
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={7}>
                <button
                  type="button"
                  onClick={() =>
                    editProperties(objectIndex, (properties) => [
                      ...properties,
                      aNewField(new Set(properties.map((property) => property.name))),
                    ])
                  }
                >
                  Add field
                </button>
              </td>
            </tr>
          </tfoot>
        </table>
      ))}
      <ContractExampleRecords contractId={contractId} />
    </form>
  );
}

function aNewField(taken: ReadonlySet<string>): ContractProperty {
  let name = 'new_field';
  for (let suffix = 2; taken.has(name); suffix++) name = `new_field_${suffix}`;
  return {
    name,
    logicalType: 'string',
    required: false,
    unique: false,
    primaryKey: false,
  };
}

/** An emptied classification is no classification. */
function withoutEmpty(property: ContractProperty): ContractProperty {
  const { classification, ...rest } = property;
  return classification ? { ...rest, classification } : rest;
}
