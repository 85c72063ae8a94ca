import type { Mesh, OperationalSystem, SystemTable, Topic } from '../../../shared/model';
import { aMesh, aPort } from '../../builders/mesh-builder';
import { contractFromYaml } from './unseen-meshes';

/*
 * A hospital mesh unlike the samples, as saved and as changed since: a system on each CDC engine
 * Debezium captures in other ways (PostgreSQL and MongoDB with outboxes, MySQL, SQL Server,
 * Oracle), ODCS 3.1 and 3.2 contracts with times, maps, nested objects and arrays, PII, a
 * composite key, history and SQL keywords as names; and changes that break: a key column
 * renamed, types changed, an entity become an event, a product that serves nothing any more.
 */

export type HospitalVersion = 'saved' | 'current';

const table = (name: string, primaryKey: string[], columns: string[], cdc = true): SystemTable => ({
  name,
  cdc,
  primaryKey,
  columns: columns.map((column) => ({ name: column, type: 'text', nullable: !primaryKey.includes(column) })),
});

const topic = (id: string, name: string, source: Topic['source']): Topic => ({
  id,
  name,
  partitions: 3,
  tombstones: source.kind === 'cdc',
  source,
});

function system(engine: string, database: string, tables: SystemTable[], topics: Topic[]): Partial<OperationalSystem> {
  return { database: { engine, name: database, tables }, messaging: { broker: 'kafka', topics } };
}

function patientContract(version: HospitalVersion) {
  const isCurrent = version === 'current';
  return contractFromYaml(`apiVersion: v3.1.0
kind: DataContract
id: patient
name: Patient
version: ${isCurrent ? '2.0.0' : '1.0.0'}
status: active
schema:
  - name: user
    properties:
      - name: ${isCurrent ? 'medical_record_no' : 'mrn'}
        logicalType: string
        primaryKey: true
        primaryKeyPosition: 1
        required: true
        classification: pii
      - name: site
        logicalType: string
        primaryKey: true
        primaryKeyPosition: 2
        required: true
      - name: born
        logicalType: date
        classification: pii
        examples: [2026-01-01]
      - name: visits_at
        logicalType: time
        examples: ["12:30:00", 23:59:59]
      - name: order
        logicalType: ${isCurrent ? 'integer' : 'string'}
        unique: ${isCurrent}
      - name: address
        logicalType: object
        properties:
          - name: post_code
            logicalType: string
            examples: ["0123", NO, 1e3]
      - name: allergies
        logicalType: array
        items:
          logicalType: object
          properties:
            - name: substance
              logicalType: string
customProperties:
  - property: datasetKind
    value: entity
  - property: keepHistory
    value: true
`);
}

function admissionContract(version: HospitalVersion) {
  const isCurrent = version === 'current';
  return contractFromYaml(`apiVersion: v3.2.0
kind: DataContract
id: admission
name: "Admission: admitted"
version: ${isCurrent ? '2.0.0' : '1.0.0'}
schema:
  - name: group
    properties:
      - name: event_id
        logicalType: string
        required: true
        unique: true
${isCurrent ? '' : '        primaryKey: true\n'}      - name: occurred_at
        logicalType: timestamp
        required: true
      - name: ward
        logicalType: ${isCurrent ? 'string' : 'integer'}
      - name: vitals
        logicalType: map
        map:
          key:
            logicalType: string
          value:
            logicalType: number
customProperties:
  - property: datasetKind
    value: ${isCurrent ? 'event' : 'entity'}
`);
}

export function hospitalMesh(version: HospitalVersion): Mesh {
  const isCurrent = version === 'current';
  const mesh = aMesh('st-marys.hospital')
    .withDomain('clinical', { name: 'Clinical care 🏥', owner: 'team-clinical' })
    .withDomain('1st-billing', { name: '1st Billing', owner: 'billing.team' })
    .withSystem('ehr', 'clinical', {
      ...system(
        'postgres',
        'ehr',
        [table('patients', ['mrn', 'site'], ['mrn', 'site']), table('outbox', ['id'], ['id'], false)],
        [
          topic('patients', 'ehr.public.patients', { kind: 'cdc', table: 'patients' }),
          topic('admitted', 'hospital.admissions', { kind: 'outbox', event: 'Admitted' }),
        ],
      ),
      publishes: [{ name: 'Admitted', table: 'patients', on: ['insert'], contractId: 'admission' }],
    })
    .withSystem(
      'lab',
      'clinical',
      system(
        'sqlserver',
        'LabDB',
        [table('results', ['id'], ['id']), table('user', ['id'], ['id'])],
        [
          topic('results', 'lab.LabDB.dbo.results', { kind: 'cdc', table: 'results' }),
          topic('users', 'lab.LabDB.dbo.user', { kind: 'cdc', table: 'user' }),
        ],
      ),
    )
    .withSystem(
      'billing-db',
      '1st-billing',
      system(
        'oracle',
        'BILLPDB',
        [table('invoices', ['no'], ['no'])],
        [topic('invoices', 'billing.BILLING.INVOICES', { kind: 'cdc', table: 'invoices' })],
      ),
    )
    .withSystem(
      'devices',
      'clinical',
      system(
        'mysql',
        'devices',
        [table('cell.tower', ['id'], ['id'])],
        [topic('towers', 'devices.devices.cell.tower', { kind: 'cdc', table: 'cell.tower' })],
      ),
    )
    .withSystem('crm', '1st-billing', {
      ...system(
        'mongodb',
        'crm',
        [table('payers', ['_id'], ['_id']), table('outbox', ['_id'], ['_id'], false)],
        [
          topic('payers', 'crm.crm.payers', { kind: 'cdc', table: 'payers' }),
          topic('churned', 'crm.events.churned', { kind: 'outbox', event: 'Churned' }),
          topic('moved', 'crm.events.moved', { kind: 'outbox', event: 'Moved' }),
        ],
      ),
      publishes: [
        { name: 'Churned', table: 'payers', on: ['delete'] },
        { name: 'Moved', table: 'payers', on: ['update'] },
      ],
    })
    .withProduct('patients', 'clinical', {
      name: 'Patients',
      owner: 'team-clinical',
      inputPorts: [aPort('cdc', 'input', { protocol: 'kafka-topic' })],
      outputPorts: [
        aPort('out', 'output', { contractId: 'patient' }),
        aPort('admissions', 'output', { contractId: 'admission', protocol: 'kafka-topic' }),
      ],
    })
    .withProduct('2nd.invoicing', '1st-billing', {
      name: 'Invoicing — "2nd" gen',
      owner: 'billing.team',
      kind: 'consumer-aligned',
      inputPorts: [aPort('patients', 'input'), aPort('invoices', 'input', { protocol: 'kafka-topic' })],
      outputPorts: [aPort('out', 'output', isCurrent ? {} : { contractId: 'patient' })],
    })
    .withLink('l1', { nodeId: 'ehr', portId: 'patients' }, { nodeId: 'patients', portId: 'cdc' })
    .withLink('l2', { nodeId: 'patients', portId: 'out' }, { nodeId: '2nd.invoicing', portId: 'patients' })
    .withLink('l3', { nodeId: 'billing-db', portId: 'invoices' }, { nodeId: '2nd.invoicing', portId: 'invoices' })
    .build();
  mesh.contracts.push(patientContract(version), admissionContract(version));
  return mesh;
}
