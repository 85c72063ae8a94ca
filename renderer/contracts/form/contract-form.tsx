import { DATASET_KIND_PROPERTY, KEEP_HISTORY_PROPERTY } from '../../../shared/contracts';
import { ContractExampleRecords } from '../../simulation/example-records';
import { useDocumentStore } from '../../store/document-store';
import { ContractFormProvider, type OdcsValue, useContractForm, valueAt } from './form-context';
import { FieldMessages, ObjectFields, ObjectList } from './form-fields';
import { QualityRules, Relationships, Section, uniqueName } from './form-sections';
import {
  CUSTOM_PROPERTY,
  DESCRIPTION,
  FUNDAMENTALS,
  PRICE,
  ROLE,
  SCHEMA_OBJECT,
  SERVER,
  SLA_PROPERTY,
  SUPPORT_CHANNEL,
  TEAM,
  TEAM_MEMBER,
} from './odcs-form-specs';
import { SchemaFieldsTable } from './schema-fields-table';

/**
 * The whole contract as a form, for people who do not want YAML: every input edits the
 * contract's text at its ODCS path (only that line changes) through the one validated
 * entry, and shows what the contract's ODCS schema and the semantic checks say about it
 * as it is typed. An invalid value stays in the form and out of the design.
 */
export function ContractForm({ contractId }: { contractId: string }) {
  const endTyping = useDocumentStore((state) => state.endTyping);
  return (
    <ContractFormProvider
      contractId={contractId}
      fallback={
        <p className="contract-form__blocked">The YAML does not parse: fix it in the YAML view to use the form.</p>
      }
    >
      <form
        className="contract-form"
        aria-label="Contract form"
        onBlur={endTyping}
        onSubmit={(event) => event.preventDefault()}
      >
        <FormRefusal />
        <Section title="Fundamentals" isOpen>
          <ObjectFields path={[]} specs={FUNDAMENTALS} />
          <DatasetKindFields />
          <ObjectFields path={['description']} specs={DESCRIPTION} />
        </Section>
        <SchemaSection />
        <ContractExampleRecords contractId={contractId} />
        <Section title="Servers" path={['servers']}>
          <ObjectList
            path={['servers']}
            noun="server"
            specs={SERVER}
            newItem={() => ({ server: 'new-server', type: 'postgres' })}
            titleOf={(server, index) => String(server.server ?? `server ${index + 1}`)}
          />
        </Section>
        <Section title="Team" path={['team']}>
          <TeamFields />
        </Section>
        <Section title="Support" path={['support']}>
          <ObjectList
            path={['support']}
            noun="channel"
            specs={SUPPORT_CHANNEL}
            newItem={() => ({ channel: 'new-channel' })}
            titleOf={(channel, index) => String(channel.channel ?? `channel ${index + 1}`)}
          />
        </Section>
        <Section title="Service levels" path={['slaProperties']}>
          <ObjectList
            path={['slaProperties']}
            noun="service level"
            specs={SLA_PROPERTY}
            newItem={() => ({ property: 'latency', value: 1, unit: 'h' })}
            titleOf={(sla, index) => String(sla.property ?? `service level ${index + 1}`)}
          />
        </Section>
        <Section title="Roles" path={['roles']}>
          <ObjectList
            path={['roles']}
            noun="role"
            specs={ROLE}
            newItem={() => ({ role: 'new_role', access: 'read' })}
            titleOf={(role, index) => String(role.role ?? `role ${index + 1}`)}
          />
        </Section>
        <Section title="Price" path={['price']}>
          <ObjectFields path={['price']} specs={PRICE} />
        </Section>
        <Section title="Custom properties" path={['customProperties']}>
          <ObjectList
            path={['customProperties']}
            noun="custom property"
            specs={CUSTOM_PROPERTY}
            newItem={() => ({ property: 'newProperty', value: '' })}
            titleOf={(entry, index) => String(entry.property ?? `property ${index + 1}`)}
          />
        </Section>
      </form>
    </ContractFormProvider>
  );
}

/** Why the form's last edit was not made: an input would otherwise snap back without a word. */
function FormRefusal() {
  const { refusal } = useContractForm();
  if (!refusal) return null;
  return (
    <p className="contract-form__refusal problem problem--error" role="alert">
      {refusal}
    </p>
  );
}

/** `datasetKind` and `keepHistory`, our semantics, kept as contract-level custom properties. */
function DatasetKindFields() {
  const form = useContractForm();
  const kind = useDocumentStore(
    (state) => state.mesh?.contracts.find((contract) => contract.id === form.contractId)?.kind ?? 'entity',
  );
  const declared = customPropertyValue(form.document, DATASET_KIND_PROPERTY);
  const keepsHistory = customPropertyValue(form.document, KEEP_HISTORY_PROPERTY) === true;
  return (
    <div className="form-grid">
      <div className="form-field">
        <label htmlFor={`${form.contractId}-dataset-kind`}>Dataset</label>
        <select
          id={`${form.contractId}-dataset-kind`}
          value={typeof declared === 'string' ? declared : ''}
          onChange={(event) =>
            form.edit(customPropertyEdits(form.document, DATASET_KIND_PROPERTY, event.target.value || undefined))
          }
        >
          <option value="">not said (taken for {kind === 'event' ? 'an event' : 'an entity'})</option>
          <option value="event">event (immutable)</option>
          <option value="entity">entity (mutable, keyed)</option>
        </select>
      </div>
      <div className="form-field form-field--boolean">
        <label className="form-field__check">
          <input
            type="checkbox"
            checked={keepsHistory}
            disabled={declared === 'event'}
            onChange={(event) =>
              form.edit(customPropertyEdits(form.document, KEEP_HISTORY_PROPERTY, event.target.checked || undefined))
            }
          />
          keep history
        </label>
      </div>
    </div>
  );
}

function customPropertyIndex(document: OdcsValue, property: string): number {
  const entries = document.customProperties;
  return Array.isArray(entries) ? entries.findIndex((entry) => (entry as OdcsValue | null)?.property === property) : -1;
}

function customPropertyValue(document: OdcsValue, property: string): unknown {
  const index = customPropertyIndex(document, property);
  return index === -1 ? undefined : (valueAt(document, ['customProperties', index, 'value']) as unknown);
}

/** Sets, adds or (for undefined) removes a contract-level custom property. */
function customPropertyEdits(document: OdcsValue, property: string, value: unknown) {
  const index = customPropertyIndex(document, property);
  if (value === undefined) return index === -1 ? [] : [{ op: 'delete' as const, path: ['customProperties', index] }];
  if (index !== -1) return [{ op: 'set' as const, path: ['customProperties', index, 'value'], value }];
  const count = Array.isArray(document.customProperties) ? document.customProperties.length : 0;
  return [{ op: 'insert' as const, path: ['customProperties', count], value: { property, value } }];
}

function SchemaSection() {
  const form = useContractForm();
  const objects = valueAt(form.document, ['schema']);
  const list = Array.isArray(objects) ? (objects as OdcsValue[]) : [];
  return (
    <Section title="Schema" path={['schema']} isOpen>
      <FieldMessages path={['schema']} />
      {list.map((object, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: objects are edited in place; renaming must keep focus.
        <fieldset key={index} className="schema-object">
          <legend>{String(object?.name ?? `object ${index + 1}`)}</legend>
          <button
            type="button"
            className="object-list__remove"
            aria-label={`Remove schema object ${String(object?.name ?? index + 1)}`}
            onClick={() => form.edit([{ op: 'delete', path: ['schema', index] }])}
          >
            ×
          </button>
          <FieldMessages path={['schema', index]} />
          <ObjectFields path={['schema', index]} specs={SCHEMA_OBJECT} />
          <SchemaFieldsTable propertiesPath={['schema', index, 'properties']} />
          <Section title="Object quality rules" path={['schema', index, 'quality']}>
            <QualityRules path={['schema', index, 'quality']} />
          </Section>
          <Section title="Object relationships" path={['schema', index, 'relationships']}>
            <Relationships path={['schema', index, 'relationships']} />
          </Section>
        </fieldset>
      ))}
      <button
        type="button"
        onClick={() =>
          form.edit([
            {
              op: 'insert',
              path: ['schema', list.length],
              value: { name: uniqueName('new_object', list), properties: [{ name: 'id', logicalType: 'string' }] },
            },
          ])
        }
      >
        Add schema object
      </button>
    </Section>
  );
}

function TeamFields() {
  const form = useContractForm();
  const team = valueAt(form.document, ['team']);
  if (Array.isArray(team)) {
    // ODCS 3.0 wrote the team as a list of members.
    return (
      <ObjectList
        path={['team']}
        noun="member"
        specs={TEAM_MEMBER}
        newItem={() => ({ username: 'new.member' })}
        titleOf={(member, index) => String(member.username ?? `member ${index + 1}`)}
      />
    );
  }
  return (
    <>
      <ObjectFields path={['team']} specs={TEAM} />
      <ObjectList
        path={['team', 'members']}
        noun="member"
        specs={TEAM_MEMBER}
        newItem={() => ({ username: 'new.member' })}
        titleOf={(member, index) => String(member.username ?? `member ${index + 1}`)}
      />
    </>
  );
}
