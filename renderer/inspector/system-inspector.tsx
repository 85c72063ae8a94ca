import { tablesFreeForStream } from '../../shared/editing/cdc-streams';
import { systemById } from '../../shared/editing/mesh-index';
import type { OperationalSystem, PublishedEvent, ReplicaIdentity, SystemTable, Topic } from '../../shared/model';
import { replicaIdentityOf, takesReplicaIdentity } from '../../shared/model/replica-identity';
import { outboxConditionProblem } from '../../shared/simulation/outbox-condition';
import { DiagramButtons } from '../diagrams/diagram-buttons';
import { useHost } from '../host/host-context';
import { useDocumentStore } from '../store/document-store';
import { type OnIdChanged, takeIdFromFirstName } from '../store/first-name-id';
import {
  addSystemTable,
  addTopic,
  cascadeOfTable,
  changeSystemDatabase,
  describeCascade,
  moveTopic,
  removeSystemTable,
  removeTopic,
  renameSystem,
  renameSystemTable,
  setTableCdc,
  updateSystem,
  updateTopic,
} from '../store/system-actions';
import { CheckField } from './fields/check-field';
import { ChoiceField } from './fields/choice-field';
import { DomainField } from './fields/domain-field';
import { elementNameCheck, requiredName, uniqueAmong } from './fields/name-checks';
import { NameField } from './fields/name-field';
import { NumberField } from './fields/number-field';
import { TextField } from './fields/text-field';
import { InspectorSection } from './inspector-section';
import { type ListAccess, listCommands, type OwnerUpdate } from './list-commands';
import { ListEditor } from './list-editor';
import { NodeActions } from './node-actions';
import { TableList } from './table-list';

const TABLES: ListAccess<OperationalSystem, SystemTable> = {
  read: (system) => system.database.tables,
  write: (system, tables) => ({ ...system, database: { ...system.database, tables } }),
};
const PUBLISHES: ListAccess<OperationalSystem, PublishedEvent> = {
  read: (system) => system.publishes,
  write: (system, publishes) => ({ ...system, publishes }),
};
const OPERATIONS = ['insert', 'update', 'delete'] as const;
const REPLICA_IDENTITY_CHOICES: ReadonlyArray<{ value: ReplicaIdentity; label: string }> = [
  { value: 'default', label: 'DEFAULT: an update sends none, a delete its old key' },
  { value: 'full', label: 'FULL: the whole old row' },
];
const NO_CONTRACT = '';

/** A microservice, its database tables (with CDC flags), its topics and the events it publishes. */
export function SystemInspector({ systemId, onIdChanged }: { systemId: string; onIdChanged: OnIdChanged }) {
  const host = useHost();
  const system = useDocumentStore((state) => (state.mesh ? systemById(state.mesh, systemId) : undefined));
  if (!system) return null;
  const key = system.id;
  const update: OwnerUpdate<OperationalSystem> = (recipe, options) => updateSystem(system.id, recipe, options);
  const tables = listCommands(update, TABLES, () => ({ name: 'unused', columns: [], primaryKey: [], cdc: true }));
  const tableNames = system.database.tables.map((table) => table.name);

  return (
    <div className="inspector" data-testid="system-inspector">
      <h2 className="inspector__title">Operational system</h2>
      <NodeActions nodeId={system.id} canFocusLineage />
      <DiagramButtons subject={{ kind: 'system', id: system.id }} />
      <InspectorSection title="General" open>
        <NameField
          accessibleName="System name"
          fieldKey={`${key}.name`}
          value={system.name}
          check={elementNameCheck({ kind: 'system', id: system.id })}
          focusFor={system.id}
          onFirstNamed={(options) => takeIdFromFirstName(system.id, options, onIdChanged)}
          onChange={(name, options) => renameSystem(system.id, name, options)}
        />
        <DomainField nodeIds={[system.id]} domainId={system.domainId} />
        <TextField
          label="Description"
          fieldKey={`${key}.description`}
          value={system.description}
          onChange={(description, options) => updateSystem(system.id, { description }, options)}
        />
      </InspectorSection>
      <InspectorSection title="Service" open>
        <NameField
          label="Service name"
          fieldKey={`${key}.service.name`}
          value={system.service.name}
          check={requiredName}
          onChange={(name, options) =>
            update((current) => ({ ...current, service: { ...current.service, name } }), options)
          }
        />
        <TextField
          label="Language"
          fieldKey={`${key}.service.language`}
          value={system.service.language ?? ''}
          onChange={(language, options) =>
            update((current) => ({ ...current, service: { ...current.service, language } }), options)
          }
        />
      </InspectorSection>
      <InspectorSection title="Database" open>
        <div className="field-row">
          <TextField
            label="Engine"
            fieldKey={`${key}.database.engine`}
            value={system.database.engine}
            onChange={(engine, options) => changeSystemDatabase(system.id, { engine }, options)}
          />
          <NameField
            label="Database name"
            fieldKey={`${key}.database.name`}
            value={system.database.name}
            check={requiredName}
            onChange={(name, options) => changeSystemDatabase(system.id, { name }, options)}
          />
        </div>
        <TableList
          fieldKey={`${key}.database.tables`}
          tables={system.database.tables}
          commands={{
            ...tables,
            add: () => addSystemTable(system.id),
            remove: (index) => tableNames[index] !== undefined && removeSystemTable(system.id, tableNames[index]),
            rename: (index, name, options) =>
              tableNames[index] !== undefined && renameSystemTable(system.id, tableNames[index], name, options),
          }}
          extraFields={(table, index) => (
            <>
              <CheckField
                label="Change data capture (CDC)"
                checked={table.cdc}
                onChange={(cdc) => void switchCdc(host, system.id, table.name, cdc)}
              />
              {takesReplicaIdentity(system) && (
                <ChoiceField<ReplicaIdentity>
                  label="Replica identity (the before image of updates and deletes)"
                  value={replicaIdentityOf(system, table) ?? 'default'}
                  options={REPLICA_IDENTITY_CHOICES}
                  onChange={(replicaIdentity, options) => tables.change(index, { replicaIdentity }, options)}
                />
              )}
            </>
          )}
        />
      </InspectorSection>
      <InspectorSection title="Messaging" open>
        <TextField
          label="Broker"
          fieldKey={`${key}.messaging.broker`}
          value={system.messaging.broker}
          onChange={(broker, options) =>
            update((current) => ({ ...current, messaging: { ...current.messaging, broker } }), options)
          }
        />
        <TopicList system={system} />
      </InspectorSection>
      <InspectorSection title="Published events">
        <PublishedEvents system={system} update={update} tableNames={tableNames} />
      </InspectorSection>
    </div>
  );
}

/**
 * Turns a table's CDC on or off; its change stream follows. Turning it off while links read the
 * stream asks first, naming what goes.
 */
async function switchCdc(host: ReturnType<typeof useHost>, systemId: string, table: string, isOn: boolean) {
  const cascade = cascadeOfTable(systemId, table);
  if (!isOn && cascade.links.length > 0) {
    const isSure = await host.confirm({
      message: `Turn off CDC for ${table}?`,
      detail: `Without CDC the table has no change stream: this removes ${describeCascade(cascade)} reading it. You can undo.`,
      action: 'Turn Off',
    });
    if (!isSure) return;
  }
  setTableCdc(systemId, table, isOn);
}

function TopicList({ system }: { system: OperationalSystem }) {
  const topics = system.messaging.topics;
  // A table has at most one change stream: a topic may carry a table's stream only if no other topic does.
  const freeTables = (topicId: string) => tablesFreeForStream(system, topicId);
  return (
    <div className="nested-list">
      <div className="nested-list__title">Topics (CDC streams and published events)</div>
      <p className="inspector__note">
        A table's change stream comes and goes with its CDC checkbox; Add topic adds one for events the service
        publishes.
      </p>
      <ListEditor
        noun="topic"
        items={topics}
        itemKey={(topic) => topic.id}
        itemLabel={(topic) => topic.name}
        onAdd={() => addTopic(system.id)}
        onRemove={(index) => topics[index] && removeTopic(system.id, topics[index].id)}
        onMove={(index, offset) => topics[index] && moveTopic(system.id, topics[index].id, offset)}
        renderItem={(topic) => {
          const topicKey = `${system.id}.topics.${topic.id}`;
          const change = (fields: Partial<Omit<Topic, 'id'>>, options?: { coalesceKey?: string }) =>
            updateTopic(system.id, topic.id, fields, options);
          return (
            <>
              <NameField
                fieldKey={`${topicKey}.name`}
                value={topic.name}
                check={elementNameCheck({ kind: 'topic', systemId: system.id, topicId: topic.id })}
                onChange={(name, options) => change({ name }, options)}
              />
              <div className="field-row">
                <NumberField
                  label="Partitions"
                  fieldKey={`${topicKey}.partitions`}
                  value={topic.partitions}
                  integer
                  min={1}
                  max={1024}
                  onChange={(partitions, options) => change({ partitions }, options)}
                />
                <CheckField
                  label="Tombstones"
                  checked={topic.tombstones}
                  onChange={(tombstones) => change({ tombstones })}
                />
              </div>
              <ChoiceField<Topic['source']['kind']>
                label="Carries"
                value={topic.source.kind}
                options={[
                  {
                    value: 'cdc',
                    label: 'the change stream of a table (CDC)',
                    disabled: topic.source.kind !== 'cdc' && freeTables(topic.id).length === 0,
                  },
                  { value: 'outbox', label: 'events the service publishes' },
                ]}
                onChange={(kind, options) => {
                  const [table] = freeTables(topic.id);
                  if (kind === 'cdc' && table) change({ source: { kind: 'cdc', table } }, options);
                  else if (kind === 'outbox') change({ source: { kind: 'outbox', event: 'Event' } }, options);
                }}
              />
              {topic.source.kind === 'cdc' ? (
                <ChoiceField
                  label="Table"
                  value={topic.source.table}
                  options={freeTables(topic.id)}
                  onChange={(table, options) => change({ source: { kind: 'cdc', table } }, options)}
                />
              ) : (
                <NameField
                  label="Event"
                  fieldKey={`${topicKey}.event`}
                  value={topic.source.event}
                  check={requiredName}
                  onChange={(event, options) => change({ source: { kind: 'outbox', event } }, options)}
                />
              )}
            </>
          );
        }}
      />
    </div>
  );
}

function PublishedEvents({
  system,
  update,
  tableNames,
}: {
  system: OperationalSystem;
  update: OwnerUpdate<OperationalSystem>;
  tableNames: string[];
}) {
  const contracts = useDocumentStore((state) => state.mesh?.contracts);
  const events = listCommands(
    update,
    PUBLISHES,
    (existing): PublishedEvent => ({
      name: `Event${existing.length + 1}`,
      table: tableNames[0] ?? 'items',
      on: ['insert'],
    }),
  );
  return (
    <ListEditor
      noun="published event"
      items={system.publishes}
      itemKey={(_, index) => String(index)}
      itemLabel={(event) => event.name}
      onAdd={events.add}
      onRemove={events.remove}
      onMove={events.move}
      renderItem={(event, index) => {
        const eventKey = `${system.id}.publishes.${index}`;
        return (
          <>
            <NameField
              fieldKey={`${eventKey}.name`}
              value={event.name}
              check={uniqueAmong(system.publishes, index, 'Another published event')}
              onChange={(name, options) => events.change(index, { name }, options)}
            />
            <ChoiceField
              label="On changes to table"
              value={event.table}
              options={tableNames}
              // Another table's columns are not this one's: the event is keyed by its row's key again.
              onChange={(table, options) =>
                events.edit(index, ({ aggregateKey: _previous, ...rest }) => ({ ...rest, table }), options)
              }
            />
            <ChoiceField
              label="Keyed by (aggregateid)"
              value={event.aggregateKey?.join(',') ?? ROW_KEY}
              options={aggregateKeyOptions(event, system.database.tables)}
              onChange={(columns, options) =>
                events.edit(
                  index,
                  ({ aggregateKey: _previous, ...rest }) =>
                    columns === ROW_KEY ? rest : { ...rest, aggregateKey: columns.split(',') },
                  options,
                )
              }
            />
            <fieldset className="field-row">
              <legend>Published on</legend>
              {OPERATIONS.map((operation) => (
                <CheckField
                  key={operation}
                  label={operation}
                  checked={event.on.includes(operation)}
                  onChange={(checked) => {
                    const on = OPERATIONS.filter((candidate) =>
                      candidate === operation ? checked : event.on.includes(candidate),
                    );
                    if (on.length > 0) events.change(index, { on });
                  }}
                />
              ))}
            </fieldset>
            <TextField
              label="Only when (SQL over new. and old. columns)"
              fieldKey={`${eventKey}.when`}
              value={event.when ?? ''}
              placeholder="new.status = 'finished' AND old.status IS NOT 'finished'"
              warning={conditionWarning(event, system.database.tables)}
              onChange={(when, options) =>
                events.edit(index, ({ when: _previous, ...rest }) => (when ? { ...rest, when } : rest), options)
              }
            />
            <ChoiceField
              label="Data contract"
              value={event.contractId ?? NO_CONTRACT}
              options={[
                { value: NO_CONTRACT, label: '(none)' },
                ...(contracts ?? []).map((contract) => ({
                  value: contract.id,
                  label: `${contract.name} ${contract.version}`,
                })),
              ]}
              onChange={(contractId, options) =>
                events.edit(
                  index,
                  ({ contractId: _previous, ...rest }) => (contractId ? { ...rest, contractId } : rest),
                  options,
                )
              }
            />
            <TextField
              label="Description"
              fieldKey={`${eventKey}.description`}
              value={event.description ?? ''}
              onChange={(description, options) => events.change(index, { description }, options)}
            />
          </>
        );
      }}
    />
  );
}

const ROW_KEY = '';

/** The keys an event may have: its row's key, which Debezium's outbox examples use, or one of the row's columns (a bid's lot). */
function aggregateKeyOptions(event: PublishedEvent, tables: readonly SystemTable[]) {
  const table = tables.find((candidate) => candidate.name === event.table);
  const rowKey = table && table.primaryKey.length > 0 ? table.primaryKey.join(', ') : 'none: the table has no key';
  const columns = (table?.columns ?? []).map((column) => column.name);
  const chosen = event.aggregateKey && event.aggregateKey.length > 1 ? [event.aggregateKey.join(',')] : [];
  return [
    { value: ROW_KEY, label: `the row's key (${rowKey})` },
    ...[...chosen, ...columns].map((value) => ({ value, label: value.replaceAll(',', ', ') })),
  ];
}

/** What the engine would refuse in an event's condition, said under the field as it is typed. */
function conditionWarning(event: PublishedEvent, tables: readonly SystemTable[]): string | undefined {
  const table = tables.find((candidate) => candidate.name === event.table);
  return event.when && table ? outboxConditionProblem(event.when, table) : undefined;
}
