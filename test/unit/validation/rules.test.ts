import { describe, expect, it } from 'vitest';
import { withoutElements } from '../../../shared/editing/delete-elements';
import { withPortAdded } from '../../../shared/editing/ports';
import { withProductUpdated } from '../../../shared/editing/products';
import type { Contract, ContractProperty, Mesh, Transformation } from '../../../shared/model';
import type { Scenario } from '../../../shared/model/scenario';
import { ColumnSchema } from '../../../shared/model/table';
import { contractTextPlaceOf } from '../../../shared/validation/contract-text-places';
import type { Finding } from '../../../shared/validation/finding';
import { underOrganisationPolicies } from '../../../shared/validation/organisation-policies';
import { RULES } from '../../../shared/validation/rule-catalog';
import { validateMesh } from '../../../shared/validation/validate-mesh';
import { aContract, anOutboxTopic, aPort, aProduct } from '../../builders/mesh-builder';
import { aKey, anObject, aProperty } from '../contracts/builders';
import {
  aBusyDay,
  aGovernedMesh,
  aMeshPublishingCustomerLeads,
  aMeshWithASecondInputIntoCustomers,
  aMeshWithTwoFeedsIntoOnePort,
  anEventContract,
} from './governed-mesh';

/** The governed mesh with one change made to a copy of it. */
function changed(edit: (mesh: Mesh) => void): Mesh {
  const mesh = aGovernedMesh();
  edit(mesh);
  return mesh;
}

/** The governed mesh with a scenario that fills the Shop's one table, changed by `edit` (and the mesh by `editMesh`). */
function withAScenario(edit: (scenario: Scenario) => void, editMesh: (mesh: Mesh) => void = () => {}): Mesh {
  return changed((mesh) => {
    editMesh(mesh);
    const scenario = aBusyDay();
    edit(scenario);
    mesh.scenarios.push(scenario);
  });
}

const product = (mesh: Mesh, id: string) =>
  mesh.products.find((candidate) => candidate.id === id) as Mesh['products'][number];
const contract = (mesh: Mesh, id: string) => mesh.contracts.find((candidate) => candidate.id === id) as Contract;
const shopTable = (mesh: Mesh) =>
  mesh.systems[0]?.database.tables[0] as Mesh['systems'][number]['database']['tables'][number];
/** The shop's customers topic set as `first` says, and a captured `orders` table whose topic is as `second` says. */
function withSecondCapturedTable(mesh: Mesh, first: { tombstones: boolean }, second: { tombstones: boolean }) {
  const system = mesh.systems[0] as Mesh['systems'][number];
  const topic = system.messaging.topics[0] as Mesh['systems'][number]['messaging']['topics'][number];
  Object.assign(topic, first);
  system.database.tables.push({ ...shopTable(mesh), name: 'orders' });
  system.messaging.topics.push({
    ...topic,
    ...second,
    id: 'orders-cdc',
    name: 'shop.public.orders',
    source: { kind: 'cdc', table: 'orders' },
  });
}
const linked = (mesh: Mesh, id: string, from: [string, string], to: [string, string]) =>
  mesh.links.push({ id, from: { nodeId: from[0], portId: from[1] }, to: { nodeId: to[0], portId: to[1] } });

interface RuleCase {
  /** What breaks the rule, and what the finding says (a part of its message), where. */
  triggers: { mesh: () => Mesh; baseline?: () => Mesh; message: string; path: string };
  /** A near miss the rule accepts. */
  passes: { mesh: () => Mesh; baseline?: () => Mesh };
}

const CASES: Record<string, RuleCase> = {
  owners: {
    triggers: {
      mesh: () => changed((mesh) => Object.assign(product(mesh, 'revenue'), { owner: ' ' })),
      message: "Data product 'Revenue' has no owner.",
      path: 'products[1]',
    },
    passes: { mesh: () => changed((mesh) => Object.assign(mesh.domains[0] ?? {}, { owner: 'someone' })) },
  },
  'output-contracts': {
    triggers: {
      mesh: () => changed((mesh) => product(mesh, 'revenue').outputPorts.push(aPort('raw', 'output', { name: 'raw' }))),
      message: "Output port 'raw' of 'Revenue' has no data contract.",
      path: 'products[1].outputPorts[1]',
    },
    passes: {
      mesh: () =>
        changed((mesh) =>
          product(mesh, 'revenue').outputPorts.push(aPort('raw', 'output', { contractId: 'country-counts' })),
        ),
    },
  },
  'contract-semantics': {
    triggers: {
      mesh: () => changed((mesh) => contract(mesh, 'customers').schema[0]?.properties.push(aProperty('email'))),
      message: "Contract 'Customers': duplicate property name 'email' (also at schema[0].properties[1]).",
      path: 'contracts[0].schema[0].properties[3].name',
    },
    passes: {
      mesh: () => changed((mesh) => contract(mesh, 'customers').schema[0]?.properties.push(aProperty('e_mail'))),
    },
  },
  'contract-keys': {
    triggers: {
      mesh: () =>
        changed((mesh) =>
          mesh.contracts.push(
            anEventContract('clicks', {
              schema: [
                { name: 'clicks', properties: [aProperty('event_id', 'string', { required: true, unique: true })] },
              ],
            }),
          ),
        ),
      message: "Contract 'clicks': event 'clicks' has no event time: a required timestamp property.",
      path: 'contracts[2].schema[0].name',
    },
    passes: { mesh: () => changed((mesh) => mesh.contracts.push(anEventContract('clicks'))) },
  },
  'inputs-linked': {
    triggers: {
      mesh: () =>
        changed((mesh) => product(mesh, 'revenue').inputPorts.push(aPort('spare', 'input', { name: 'spare' }))),
      message: "Input port 'spare' of 'Revenue' is not fed by any link.",
      path: 'products[1].inputPorts[1]',
    },
    passes: { mesh: () => aGovernedMesh() },
  },
  'inputs-reach-outputs': {
    triggers: {
      mesh: () => aMeshWithASecondInputIntoCustomers(),
      message:
        "Input port 'shop orders' of 'Customers' feeds nothing the product publishes: no output port publishes its table 'orders', nor a transformation that reads it.",
      path: 'products[0].inputPorts[1]',
    },
    passes: {
      mesh: () => {
        const mesh = aMeshWithASecondInputIntoCustomers();
        mesh.contracts.push(
          aContract('orders', { schema: [anObject('orders', [aKey('order_id'), aProperty('total', 'number')])] }),
        );
        product(mesh, 'customers').outputPorts.push(
          aPort('orders-out', 'output', { name: 'orders', contractId: 'orders' }),
        );
        return mesh;
      },
    },
  },
  'one-source-per-input': {
    triggers: {
      mesh: () => aMeshWithTwoFeedsIntoOnePort(),
      message:
        "Input port 'customers' of 'Revenue' is fed by 2 links, from 'Customers · customers' and 'Leads · leads'; an input port consumes one dataset.",
      path: 'products[1].inputPorts[0]',
    },
    passes: {
      mesh: () =>
        changed((mesh) => {
          mesh.products.push(aProduct('report', 'analytics', { owner: 'x', inputPorts: [aPort('in', 'input')] }));
          linked(mesh, 'to-report', ['revenue', 'out'], ['report', 'in']);
        }),
    },
  },
  'self-links': {
    triggers: {
      mesh: () =>
        changed((mesh) => {
          product(mesh, 'revenue').inputPorts.push(aPort('loop', 'input'));
          linked(mesh, 'loop', ['revenue', 'out'], ['revenue', 'loop']);
        }),
      message: "Link 'loop' feeds 'Revenue' from its own output port 'counts'.",
      path: 'links[2]',
    },
    passes: { mesh: () => aGovernedMesh() },
  },
  'product-cycles': {
    triggers: {
      mesh: () =>
        changed((mesh) => {
          product(mesh, 'customers').inputPorts.push(aPort('back', 'input'));
          linked(mesh, 'back', ['revenue', 'out'], ['customers', 'back']);
        }),
      message: 'Data products feed each other in a cycle: Customers → Revenue → Customers.',
      path: 'products[0]',
    },
    passes: {
      mesh: () =>
        changed((mesh) => {
          mesh.products.push(aProduct('report', 'analytics', { owner: 'x', inputPorts: [aPort('in', 'input')] }));
          linked(mesh, 'to-report', ['revenue', 'out'], ['report', 'in']);
        }),
    },
  },
  'cross-domain-sources': {
    triggers: {
      mesh: () =>
        changed((mesh) => {
          product(mesh, 'revenue').inputPorts.push(aPort('cdc', 'input'));
          linked(mesh, 'shortcut', ['shop', 'customers-cdc'], ['revenue', 'cdc']);
        }),
      message: "'Revenue' (Analytics) reads topic 'shop.public.customers' of 'Shop' (Sales) directly.",
      path: 'links[2]',
    },
    passes: { mesh: () => aGovernedMesh() },
  },
  'link-compatibility': {
    triggers: {
      mesh: () =>
        changed((mesh) =>
          product(mesh, 'revenue').inputPorts[0]?.expects?.push({
            name: 'segment',
            logicalType: 'string',
            required: true,
          }),
        ),
      message: "'Customers' → 'Revenue' is incompatible: missing field segment.",
      path: 'links[1]',
    },
    passes: {
      mesh: () =>
        changed((mesh) =>
          product(mesh, 'revenue').inputPorts[0]?.expects?.push({
            name: 'email',
            logicalType: 'string',
            required: false,
          }),
        ),
    },
  },
  'breaking-changes': {
    triggers: {
      baseline: aGovernedMesh,
      mesh: () => changed((mesh) => contract(mesh, 'customers').schema[0]?.properties.splice(2, 1)),
      message:
        "Contract 'Customers': breaking changes need a new major version: 2.0.0 instead of 1.0.0 (customers.country: field removed).",
      path: 'contracts[0].version',
    },
    passes: {
      baseline: aGovernedMesh,
      mesh: () =>
        changed((mesh) => {
          contract(mesh, 'customers').schema[0]?.properties.splice(2, 1);
          contract(mesh, 'customers').version = '2.0.0';
        }),
    },
  },
  'retired-contract-consumers': {
    triggers: {
      mesh: () => changed((mesh) => Object.assign(contract(mesh, 'customers'), { status: 'retired' })),
      message:
        "'Revenue' still reads 'Customers' through input port 'customers', under contract 'Customers', which is retired.",
      path: 'links[1]',
    },
    passes: { mesh: () => changed((mesh) => Object.assign(contract(mesh, 'customers'), { status: 'active' })) },
  },
  'pii-propagation': {
    triggers: {
      mesh: () => changed(republishEmail),
      message:
        "'Revenue' republishes 'email', classified 'pii' in its input 'customers', as 'contact' of 'counts', but its contract 'Country counts' does not classify it.",
      path: 'contracts[1].schema[0].properties[3]',
    },
    passes: {
      mesh: () =>
        changed((mesh) => {
          republishEmail(mesh);
          Object.assign(contract(mesh, 'country-counts').schema[0]?.properties[3] ?? {}, { classification: 'pii' });
        }),
    },
  },
  'freshness-slos': {
    triggers: {
      mesh: () =>
        changed((mesh) => Object.assign(product(mesh, 'revenue').observability.slos[0] ?? {}, { target: 20 })),
      message:
        "'Revenue' promises data fresh within 20 min, but can be no fresher than 25 min: 'Customers' promises 15 min → 'Revenue' refreshes every 10 min.",
      path: 'products[1]',
    },
    passes: {
      mesh: () =>
        changed((mesh) => Object.assign(product(mesh, 'revenue').observability.slos[0] ?? {}, { target: 25 })),
    },
  },
  'transformation-reads': {
    triggers: {
      mesh: () =>
        changed((mesh) => {
          const [step] = product(mesh, 'revenue').transformations;
          if (step) step.sql = step.sql.replace('c.customer_id IS NOT NULL', 'c.phone IS NOT NULL');
        }),
      message:
        "Transformation 'country_counts' of 'Revenue' reads 'phone' of 'customers', which its input port 'customers' does not bring: it brings customer_id, email, country.",
      path: 'products[1].transformations[0]',
    },
    passes: {
      mesh: () =>
        changed((mesh) => {
          const [step] = product(mesh, 'revenue').transformations;
          if (step) step.sql = step.sql.replace('c.customer_id IS NOT NULL', 'c.email IS NOT NULL');
        }),
    },
  },
  'unique-names': {
    triggers: {
      mesh: () => changed((mesh) => mesh.products.push(aProduct('copy', 'sales', { name: ' customers', owner: 'x' }))),
      message:
        "Another data product in domain 'Sales' is already called 'Customers' (products[0]); ' customers' differs from it only in case and surrounding spaces.",
      path: 'products[2]',
    },
    passes: {
      mesh: () =>
        changed((mesh) => mesh.products.push(aProduct('copy', 'analytics', { name: 'Customers', owner: 'x' }))),
    },
  },
  'safe-file-names': {
    triggers: {
      mesh: () => changed((mesh) => Object.assign(product(mesh, 'revenue'), { name: 'CON' })),
      message: "The name of data product 'CON' is a device name Windows reserves ('CON').",
      path: 'products[1]',
    },
    passes: { mesh: () => changed((mesh) => Object.assign(product(mesh, 'revenue'), { name: 'Console' })) },
  },
  'name-characters': {
    triggers: {
      mesh: () => changed((mesh) => Object.assign(product(mesh, 'revenue'), { name: 'Reve\u0000nue' })),
      message: "The name of data product 'Reve\\u0000nue' holds a control character (U+0000).",
      path: 'products[1]',
    },
    passes: { mesh: () => changed((mesh) => Object.assign(product(mesh, 'revenue'), { name: 'הכנסות\u200f' })) },
  },
  'immutable-events': {
    triggers: {
      mesh: () => changed((mesh) => Object.assign(contract(mesh, 'customers'), { kind: 'event' })),
      message:
        "Output port 'customers' of 'Customers' publishes 'customers', an entity updated in place that it reads through 'shop customers', under the event contract 'Customers': events never change.",
      path: 'products[0].outputPorts[0]',
    },
    passes: {
      // A transformation of the event's name is left to product-tables: it clashes with the input's table.
      mesh: () =>
        changed((mesh) => {
          Object.assign(contract(mesh, 'customers'), { kind: 'event' });
          product(mesh, 'customers').transformations = [
            { name: 'customers', sql: "SELECT printf('c-%d', _sequence) AS customer_id FROM raw_in" },
          ];
        }),
    },
  },
  'product-tables': {
    triggers: {
      // The product's input fills 'customers' (named after the CDC table); a step of that name cannot be built too.
      mesh: () =>
        changed((mesh) => {
          product(mesh, 'customers').transformations = [
            { name: 'customers', sql: 'SELECT customer_id, email, country FROM customers' },
          ];
        }),
      message:
        "Transformation 'customers' of 'Customers' would make table 'customers', but the table input port 'shop customers' fills with what it reads already has that name: the simulation leaves the transformation out.",
      path: 'products[0].transformations[0]',
    },
    passes: {
      // The port publishes the input's own table, named after the contract's schema object.
      mesh: () => aGovernedMesh(),
    },
  },
  'published-fields': {
    triggers: {
      // Customers publishes its input's table as it comes: it has no 'region' the contract requires.
      mesh: () =>
        withAScenario(
          () => {},
          (mesh) => {
            contract(mesh, 'customers').schema[0]?.properties.push(aProperty('region', 'string', { required: true }));
          },
        ),
      message:
        "Output port 'customers' of 'Customers' publishes the table its input port 'shop customers' fills ('customers') as it comes, which has no field 'region': contract 'Customers' requires it, so the simulation quarantines every record but deletions.",
      path: 'products[0].outputPorts[0]',
    },
    passes: {
      // Optional, the field is published empty.
      mesh: () =>
        withAScenario(
          () => {},
          (mesh) => {
            contract(mesh, 'customers').schema[0]?.properties.push(aProperty('region', 'string'));
          },
        ),
    },
  },
  'primary-key-grain': {
    triggers: {
      // Each customer meets every lead of its country: customer_id, the key, repeats.
      mesh: () =>
        aMeshPublishingCustomerLeads(
          'SELECT c.customer_id, l.lead_id, c.country FROM customers c JOIN leads l ON l.country = c.country',
        ),
      message:
        "customer_leads: primary key customer_id may repeat: joins 'leads' on country, which is not a key of 'leads', so each row meets every matching row of it; contract 'Customer leads' of output port 'customer leads' then gets rows the simulation quarantines (\"unique on customer_id\").",
      path: 'products[1].transformations[1]',
    },
    passes: {
      // Joined on the lead's key, each customer meets one lead at most.
      mesh: () =>
        aMeshPublishingCustomerLeads(
          'SELECT c.customer_id, l.lead_id, l.country FROM customers c JOIN leads l ON l.lead_id = c.customer_id',
        ),
    },
  },
  'transformation-sql': {
    triggers: {
      // A bracket left open: the step is no query the simulation can run.
      mesh: () =>
        changed((mesh) => {
          product(mesh, 'revenue').transformations = [
            {
              name: 'country_counts',
              sql: 'SELECT country, COUNT(*) AS customers FROM customers GROUP BY country HAVING SUM(customer_id > 0',
            },
          ];
        }),
      message: 'a parenthesis is not closed (1 "(" without ")")',
      path: 'products[1].transformations[0]',
    },
    passes: {
      mesh: () =>
        changed((mesh) => {
          product(mesh, 'revenue').transformations = [
            { name: 'country_counts', sql: 'SELECT country, COUNT(*) AS customers FROM customers GROUP BY country;' },
          ];
        }),
    },
  },
  'scenario-references': {
    triggers: {
      mesh: () => withAScenario((scenario) => Object.assign(scenario.data[0] ?? {}, { table: 'clients' })),
      message: "scenario 'Busy day': no table 'clients' in 'shop'",
      path: 'scenarios[0].data[0].table',
    },
    passes: { mesh: () => withAScenario(() => {}) },
  },
  'scenario-fills-tables': {
    triggers: {
      mesh: () => withAScenario((scenario) => scenario.data.splice(0)),
      message: "scenario 'Busy day': has no data or rates in the scenario; it stays empty",
      path: 'systems[0].database.tables[0]',
    },
    passes: { mesh: () => withAScenario(() => {}) },
  },
  'scenario-key-room': {
    triggers: {
      mesh: () =>
        withAScenario((scenario) =>
          Object.assign(scenario.data[0] ?? {}, {
            generators: { customer_id: { kind: 'oneOf', values: [1, 2, 3, 4] } },
          }),
        ),
      message:
        "scenario 'Busy day': 5 rows of 'customers' (initial rows and insert steps) but its generators can give (customer_id) only 4 distinct keys",
      path: 'scenarios[0].data[0].initialRows',
    },
    passes: {
      mesh: () =>
        withAScenario((scenario) =>
          Object.assign(scenario.data[0] ?? {}, {
            generators: { customer_id: { kind: 'oneOf', values: [1, 2, 3, 4, 5] } },
          }),
        ),
    },
  },
  'scenario-initial-rows': {
    triggers: {
      mesh: () => withAScenario((scenario) => Object.assign(scenario.data[0] ?? {}, { initialRows: 1e12 })),
      message:
        "scenario 'Busy day': 1,000,000,000,000 initial rows of 'customers': a run would load them for about 14,600 hours and need about 1,850,000 GB of memory",
      path: 'scenarios[0].data[0].initialRows',
    },
    passes: {
      mesh: () => withAScenario((scenario) => Object.assign(scenario.data[0] ?? {}, { initialRows: 1_000_000 })),
    },
  },
  'scenario-rate-size': {
    triggers: {
      mesh: () =>
        withAScenario((scenario) =>
          scenario.rates.push({
            systemId: 'shop',
            table: 'customers',
            insertsPerTick: 1e12,
            updatesPerTick: 0,
            deletesPerTick: 0,
          }),
        ),
      message:
        "scenario 'Busy day': 1,000,000,000,000 inserts a tick into 'customers': each tick would take at least as long as loading as many initial rows, about 14,600 hours",
      path: 'scenarios[0].rates[0].insertsPerTick',
    },
    passes: {
      mesh: () =>
        withAScenario((scenario) =>
          scenario.rates.push({
            systemId: 'shop',
            table: 'customers',
            insertsPerTick: 1_000_000,
            updatesPerTick: 0,
            deletesPerTick: 0,
          }),
        ),
    },
  },
  'source-tables': {
    triggers: {
      mesh: () =>
        changed((mesh) => {
          shopTable(mesh).columns.push({ name: '_timestamp', type: 'text', nullable: true });
        }),
      message: "table 'customers' names '_timestamp', a column the engine keeps beside every record, so it is left out",
      path: 'systems[0].database.tables[0]',
    },
    passes: { mesh: () => changed(() => {}) },
  },
  'outbox-conditions': {
    triggers: {
      mesh: () =>
        changed((mesh) => {
          publishItemAdded(mesh, 'customers');
          Object.assign(mesh.systems[0]?.publishes[0] ?? {}, { when: "new.state = 'active'" });
        }),
      message: "the condition names new.state, but table 'customers' has no column 'state'",
      path: 'systems[0].publishes[0].when',
    },
    passes: {
      mesh: () =>
        changed((mesh) => {
          publishItemAdded(mesh, 'customers');
          Object.assign(mesh.systems[0]?.publishes[0] ?? {}, { when: "new.country = 'NL' AND old.country IS NULL" });
        }),
    },
  },
  'replica-identity': {
    triggers: {
      mesh: () => changed((mesh) => Object.assign(shopTable(mesh), { primaryKey: [] })),
      message:
        "Table 'customers' of 'Shop' has no primary key: PostgreSQL refuses the service's updates and deletes of it once its connector's publication includes it (cannot update table \"customers\" because it does not have a replica identity and publishes updates), while the simulation runs them.",
      path: 'systems[0].database.tables[0]',
    },
    passes: {
      mesh: () =>
        changed((mesh) => {
          Object.assign(shopTable(mesh), { primaryKey: [] });
          Object.assign(mesh.systems[0]?.database ?? {}, { engine: 'mysql' });
        }),
    },
  },
  'cdc-streams': {
    triggers: {
      mesh: () => changed((mesh) => Object.assign(shopTable(mesh), { cdc: false })),
      message:
        "Table 'customers' of 'Shop' has CDC off but keeps its CDC topic 'shop.public.customers': its changes are not captured, the export writes neither the topic nor the table's capture, and the simulation writes nothing to the topic.",
      path: 'systems[0].database.tables[0].cdc',
    },
    passes: {
      mesh: () =>
        changed((mesh) => {
          Object.assign(shopTable(mesh), { cdc: false });
          mesh.systems[0]?.messaging.topics.splice(0);
          mesh.links = mesh.links.filter((link) => link.from.nodeId !== 'shop');
        }),
    },
  },
  'replica-identity-engine': {
    triggers: {
      mesh: () =>
        changed((mesh) => {
          Object.assign(shopTable(mesh), { replicaIdentity: 'full' });
          Object.assign(mesh.systems[0]?.database ?? {}, { engine: 'mysql' });
        }),
      message:
        "Table 'customers' of 'Shop' sets replica identity 'full', which only PostgreSQL has: its engine 'mysql' sends the whole old row as an update's and a delete's before image, and the simulation ignores the setting.",
      path: 'systems[0].database.tables[0].replicaIdentity',
    },
    passes: { mesh: () => changed((mesh) => Object.assign(shopTable(mesh), { replicaIdentity: 'full' })) },
  },
  'numeric-column-scale': {
    triggers: {
      mesh: () =>
        changed((mesh) => shopTable(mesh).columns.push({ name: 'offset_c', type: 'numeric', nullable: false })),
      message:
        "Column 'offset_c' of table 'customers' of 'Shop' is a numeric without precision and scale, which PostgreSQL keeps at any scale: Debezium writes each of its values as a struct of its scale and digits ({\"scale\": 2, \"value\": \"…\"}), not as the number the simulation shows, whatever the converter, so 'offset_c' is published differently once deployed.",
      path: 'systems[0].database.tables[0].columns[3]',
    },
    passes: {
      mesh: () =>
        changed((mesh) =>
          shopTable(mesh).columns.push({ name: 'offset_c', type: 'numeric', nullable: false, precision: 6, scale: 2 }),
        ),
    },
  },
  'identifier-lengths': {
    triggers: {
      mesh: () => changed((mesh) => Object.assign(shopTable(mesh), { name: `é${'x'.repeat(62)}` })),
      message: `Table 'é${'x'.repeat(62)}' of 'Shop' has a name of 63 characters but 64 bytes: PostgreSQL keeps at most 63 bytes of a name and cuts the rest, so the table is not the one the design and its connector's table.include.list name, and its changes are never captured.`,
      path: 'systems[0].database.tables[0].name',
    },
    passes: { mesh: () => changed((mesh) => Object.assign(shopTable(mesh), { name: 'x'.repeat(63) })) },
  },
  'tombstone-settings': {
    triggers: {
      mesh: () => changed((mesh) => withSecondCapturedTable(mesh, { tombstones: false }, { tombstones: true })),
      message:
        "The CDC topics of 'Shop' disagree on tombstones: 'orders' wants them, 'customers' does not. Debezium's tombstones.on.delete is one setting per connector, so the exported connector, and the simulation, follow a delete with a tombstone on every topic of 'Shop'.",
      path: 'systems[0].messaging.topics',
    },
    passes: {
      mesh: () => changed((mesh) => withSecondCapturedTable(mesh, { tombstones: true }, { tombstones: true })),
    },
  },
  'orphan-products': {
    triggers: {
      mesh: () => changed((mesh) => mesh.products.push(aProduct('idea', 'analytics', { name: 'Idea', owner: 'x' }))),
      message: "'Idea' is linked to nothing: it reads no data and nobody reads it.",
      path: 'products[2]',
    },
    passes: { mesh: () => aGovernedMesh() },
  },
  'contract-serving': {
    triggers: {
      mesh: () =>
        changed((mesh) => {
          mesh.contracts[0] = aContract('customers', { name: 'Customers', domain: 'finance', dataProduct: 'ledger' });
        }),
      message:
        "Contract 'Customers' says domain 'finance' but is served in 'Sales'; and dataProduct 'ledger' but is served by 'Customers'.",
      path: 'contracts[0]',
    },
    passes: {
      // The domain by its slug, the product by its name in other letters: as a move and import keep them.
      mesh: () =>
        changed((mesh) => {
          mesh.contracts[0] = aContract('customers', { name: 'Customers', domain: 'sales', dataProduct: 'CUSTOMERS' });
        }),
    },
  },
  'contract-team': {
    triggers: {
      mesh: () =>
        changed((mesh) => {
          mesh.contracts[0] = aContract('customers', { name: 'Customers', owner: 'Ward Services Team' });
        }),
      message:
        "Contract 'Customers' names the team 'Ward Services Team' but is served by 'Customers', owned by 'team-sales'.",
      path: 'contracts[0].team.name',
    },
    passes: {
      // The owner written as the group reference Backstage makes of the team's name, in other capitals.
      mesh: () =>
        changed((mesh) => {
          mesh.contracts[0] = aContract('customers', { name: 'Customers', owner: 'Team-Sales' });
          product(mesh, 'customers').owner = 'group:default/team-sales';
        }),
    },
  },
  'contract-ids': {
    triggers: {
      mesh: () => changed((mesh) => mesh.contracts.push(aContract('../../tmp/pwn', { name: 'Pwn' }))),
      message:
        "Contract 'Pwn' has the id '../../tmp/pwn', which holds '/' and '..': the ODPS contractId and the Backstage API definition carry it verbatim (the JSON Schema $id percent-encoded), and tools reading them may take it for a path or cut it as a URL.",
      path: 'contracts[2].id',
    },
    passes: {
      // A URN: its colons are its own syntax, not a URL scheme, and its dots are no path.
      mesh: () => changed((mesh) => mesh.contracts.push(aContract('urn:datacontract:tax.bill', { name: 'Tax bill' }))),
    },
  },
  'contract-version-numbers': {
    triggers: {
      mesh: () =>
        changed((mesh) =>
          mesh.contracts.push(aContract('bill', { name: 'Bill', version: '99999999999999999999.0.0' })),
        ),
      message:
        "Contract 'Bill' has the version '99999999999999999999.0.0', whose number 99999999999999999999 is larger than 9007199254740991: the exports carry it verbatim, semver tools refuse it, and versions cannot be compared with it.",
      path: 'contracts[2].version',
    },
    passes: {
      // The largest number a JavaScript reader holds exactly.
      mesh: () =>
        changed((mesh) => mesh.contracts.push(aContract('bill', { name: 'Bill', version: '9007199254740991.0.0' }))),
    },
  },
  'unused-contracts': {
    triggers: {
      mesh: () =>
        changed((mesh) => {
          mesh.contracts.push(aContract('draft', { name: 'Draft' }));
          Object.assign(product(mesh, 'revenue').inputPorts[0] ?? {}, { contractId: 'draft' });
        }),
      message: "Contract 'Draft' governs no output port or published event.",
      path: 'contracts[2]',
    },
    passes: {
      mesh: () =>
        changed((mesh) => {
          mesh.contracts.push(anEventContract('item-added'));
          publishItemAdded(mesh, 'item-added');
          linked(mesh, 'items-to-revenue', ['shop', 'items'], ['revenue', 'in']);
        }),
    },
  },
  'layout-clashes': {
    triggers: {
      mesh: () =>
        changed((mesh) => {
          mesh.layout.nodes = { sales: { x: 0, y: 0, width: 640, height: 320 }, analytics: { x: 300, y: 100 } };
        }),
      message: "Domain 'Analytics' overlaps 'Sales' on the canvas.",
      path: 'layout.nodes.analytics',
    },
    passes: {
      mesh: () =>
        changed((mesh) => {
          mesh.layout.nodes = { sales: { x: 0, y: 0, width: 640, height: 320 }, analytics: { x: 640, y: 0 } };
        }),
    },
  },
  'policy-entries': {
    triggers: {
      mesh: () => changed((mesh) => Object.assign(mesh.policies.rules, { 'no-such-rule': 'error' })),
      message: "The policies set 'no-such-rule', which is no rule.",
      path: 'policies.rules["no-such-rule"]',
    },
    passes: {
      mesh: () =>
        changed((mesh) => Object.assign(mesh.policies.rules, { owners: { severity: 'off', reason: 'Pilot' } })),
    },
  },
};

/** The Shop publishes ItemAdded, governed by `contractId`, on its topic `items`. */
function publishItemAdded(mesh: Mesh, contractId: string): void {
  const shop = mesh.systems[0] as Mesh['systems'][number];
  shop.publishes.push({ name: 'ItemAdded', table: 'customers', on: ['insert'], contractId });
  shop.messaging.topics.push(anOutboxTopic('items', 'shop.items', 'ItemAdded'));
}

/** Revenue copies the customers' email into its output as `contact`. */
function republishEmail(mesh: Mesh): void {
  const revenue = product(mesh, 'revenue');
  revenue.transformations = [
    {
      name: 'country_counts',
      sql: 'SELECT c.country, COUNT(*) AS customers, COUNT(DISTINCT c.email) AS sample, c.email AS contact FROM customers c GROUP BY c.country',
    },
  ];
  contract(mesh, 'country-counts').schema[0]?.properties.push(aProperty('sample'), aProperty('contact'));
}

const findingsOf = (ruleId: string, mesh: Mesh, baseline?: Mesh): Finding[] =>
  validateMesh(mesh, { ruleIds: [ruleId], ...(baseline && { baseline }) });

/** The mesh where revenue's step `country_counts` (run after `earlierSteps`) is this SQL, and its contract has a `contact` column. */
const publishing = (sql: string, earlierSteps: Transformation[] = []) =>
  changed((mesh) => {
    product(mesh, 'revenue').transformations = [...earlierSteps, { name: 'country_counts', sql }];
    contract(mesh, 'country-counts').schema[0]?.properties.push(aProperty('contact'));
  });

/** Whether pii-propagation reports the step `country_counts` (run after `earlierSteps`) republishing a classified field: a copy, an error (a value derived from it is a warning). */
const republishes = (sql: string, earlierSteps: Transformation[] = []) =>
  findingsOf('pii-propagation', publishing(sql, earlierSteps)).some((finding) => finding.severity === 'error');

/** The forms pii-propagation reads the wrong way round: of `oneRow`, those it does not count as republishing; of `manyRows`, those it does. */
const misreadForms = (sqlOf: (form: string) => string, oneRow: string[], manyRows: string[]) => ({
  oneRow: oneRow.filter((form) => !republishes(sqlOf(form))),
  manyRows: manyRows.filter((form) => republishes(sqlOf(form))),
});

describe('the governance rules', () => {
  it('have a case for every rule, and nothing to say about the governed mesh', () => {
    expect(Object.keys(CASES).sort()).toEqual(RULES.map((rule) => rule.id).sort());
    expect(validateMesh(aGovernedMesh())).toEqual([]);
  });

  describe.each(Object.entries(CASES))('%s', (ruleId, { triggers, passes }) => {
    it('reports what breaks it, where, with a fix hint', () => {
      const findings = findingsOf(ruleId, triggers.mesh(), triggers.baseline?.());
      expect(findings.map((finding) => [finding.path, finding.message])).toContainEqual([
        triggers.path,
        triggers.message,
      ]);
      for (const finding of findings) {
        expect(finding.ruleId).toBe(ruleId);
        expect(finding.fixHint.length).toBeGreaterThan(10);
      }
    });

    it('accepts a near miss', () => {
      expect(findingsOf(ruleId, passes.mesh(), passes.baseline?.())).toEqual([]);
    });
  });
});

describe('rule details', () => {
  it('reports SQL that is not one query once, by transformation-sql, as the transformation the problems panel goes to', () => {
    const mesh = CASES['transformation-sql']?.triggers.mesh() as Mesh;
    const atTheStep = validateMesh(mesh).filter((finding) => finding.path === 'products[1].transformations[0]');
    expect(atTheStep.map(({ ruleId, severity, element }) => ({ ruleId, severity, element }))).toEqual([
      {
        ruleId: 'transformation-sql',
        severity: 'error',
        element: { kind: 'transformation', productId: 'revenue', name: 'country_counts' },
      },
    ]);
  });

  it('reports a JOIN that names no table, as SQLite does, before anything runs', () => {
    const mesh = changed((mesh) => {
      product(mesh, 'revenue').transformations = [
        { name: 'country_counts', sql: 'SELECT country FROM customers c JOIN GROUP BY country' },
      ];
    });
    expect(findingsOf('transformation-sql', mesh).map((finding) => finding.message)).toEqual([
      'near "GROUP": syntax error',
    ]);
  });

  it('reports a column list after an alias, which SQLite refuses, at its "(" with how to name the columns', () => {
    const lookup = "(VALUES ('a', 1), ('b', 2)) AS m(code, rank)";
    const messages = [
      `SELECT c.country, m.rank FROM customers c JOIN ${lookup} ON m.code = c.country`,
      `SELECT m.rank FROM customers c, ${lookup.replace(' AS ', ' ')}`,
      'SELECT x.country FROM customers AS x("country")',
    ].map((sql) => {
      const mesh = changed((mesh) => {
        product(mesh, 'revenue').transformations = [{ name: 'country_counts', sql }];
      });
      return findingsOf('transformation-sql', mesh).map((finding) => finding.message);
    });
    expect(messages).toEqual([
      [
        'near "(": syntax error (SQLite takes no column list after an alias: name the columns in a CTE, WITH m(code, rank) AS (…), or read a VALUES list\'s own column1, column2, …)',
      ],
      [
        'near "(": syntax error (SQLite takes no column list after an alias: name the columns in a CTE, WITH m(code, rank) AS (…), or read a VALUES list\'s own column1, column2, …)',
      ],
      [
        'near "(": syntax error (SQLite takes no column list after an alias: name the columns in a CTE, WITH x("country") AS (…), or read a VALUES list\'s own column1, column2, …)',
      ],
    ]);
  });

  it('passes what SQLite accepts after a FROM: a table-valued function, a CTE with columns, an alias then USING (…)', () => {
    const messages = [
      "SELECT j.value FROM customers c, json_each('[1]') AS j",
      "WITH m(code, rank) AS (VALUES ('a', 1)) SELECT m.rank FROM customers c JOIN m ON m.code = c.country",
      'SELECT c.country FROM customers c JOIN customers d USING (country)',
      'SELECT CAST(c.customer_id AS DECIMAL(10, 2)) FROM customers c',
    ].flatMap((sql) => {
      const mesh = changed((mesh) => {
        product(mesh, 'revenue').transformations = [{ name: 'country_counts', sql }];
      });
      return findingsOf('transformation-sql', mesh).map((finding) => finding.message);
    });
    expect(messages).toEqual([]);
  });

  it("reports PostgreSQL's :: cast as SQLite does, an unrecognized token, with the CAST to write as its hint", () => {
    const mesh = changed((mesh) => {
      product(mesh, 'revenue').transformations = [
        { name: 'country_counts', sql: 'SELECT c.customer_id::text AS id FROM customers c' },
      ];
    });
    expect(findingsOf('transformation-sql', mesh).map((finding) => [finding.message, finding.fixHint])).toEqual([
      ['unrecognized token: ":"', 'SQLite has no :: cast: write CAST(value AS type)'],
    ]);
  });

  it("reports a scenario's reference to what the design lacks as about that scenario, where the problems panel opens it", () => {
    const mesh = CASES['scenario-references']?.triggers.mesh() as Mesh;
    const [finding] = findingsOf('scenario-references', mesh);
    expect(finding?.element).toEqual({ kind: 'scenario', scenarioId: 'busy-day' });
  });

  it("names a scenario's step, which has no name, by what it does", () => {
    const mesh = withAScenario((scenario) =>
      scenario.steps.push({ tick: 4, systemId: 'shop', table: 'clients', op: 'delete', where: { id: 1 } }),
    );
    expect(findingsOf('scenario-references', mesh).map((finding) => [finding.path, finding.message])).toEqual([
      [
        'scenarios[0].steps[0].table',
        "scenario 'Busy day', delete step at tick 4 on table 'clients': no table 'clients' in 'shop'",
      ],
    ]);
  });

  it('says how to repair a transformation named like the table its input fills, as the simulation would refuse it', () => {
    const mesh = changed((mesh) => {
      product(mesh, 'customers').transformations = [{ name: 'customers', sql: 'SELECT * FROM customers' }];
    });
    const [finding] = findingsOf('product-tables', mesh);
    expect(finding?.element).toEqual({ kind: 'transformation', productId: 'customers', name: 'customers' });
    expect(finding?.fixHint).toBe(
      "Drop the transformation if the input's table already has the shape output port 'customers' publishes: the port then publishes it. Otherwise rename the transformation and the schema object of contract 'Customers' alike (e.g. 'customers_published'): a port publishes the table named after its contract's schema object.",
    );
  });

  it('reports a table name the engine keeps for itself, and an output port whose table nothing produces in a design with a scenario', () => {
    const mesh = withAScenario(() => {});
    const revenue = product(mesh, 'revenue');
    revenue.transformations.push({ name: 'quarantine', sql: 'SELECT 1 AS one' });
    (revenue.transformations[0] as { name: string }).name = 'counts';
    expect(findingsOf('product-tables', mesh).map((finding) => [finding.path, finding.message])).toEqual([
      [
        'products[1].transformations[1]',
        "Transformation 'quarantine' of 'Revenue' would make table 'quarantine', but the table where the simulation keeps refused records already has that name: the simulation leaves the transformation out.",
      ],
      [
        'products[1].outputPorts[0]',
        "Output port 'counts' of 'Revenue' publishes table 'country_counts' (the schema object of contract 'Country counts'), but nothing in the product makes it: no transformation has that name and no input brings it.",
      ],
    ]);
  });

  it('checks names against Windows devices, path escapes and length', () => {
    const mesh = changed((mesh) => {
      Object.assign(mesh.domains[1] ?? {}, { name: '../x' });
      Object.assign(product(mesh, 'revenue'), { name: 'A'.repeat(300) });
      Object.assign(contract(mesh, 'customers'), { name: 'nul.txt' });
    });
    expect(findingsOf('safe-file-names', mesh).map((finding) => finding.message)).toEqual([
      "The name of domain '../x' would point outside its folder.",
      `The name of data product '${'A'.repeat(40)}…' is 300 bytes long; file names take at most 200 here.`,
      "The name of contract 'nul.txt' is a device name Windows reserves ('nul').",
    ]);
  });

  it('names every character file systems refuse in a name, each once, not only the first', () => {
    const mesh = changed((mesh) => {
      Object.assign(product(mesh, 'revenue'), { name: 'Transfers: A/B: C|D' });
    });
    expect(findingsOf('safe-file-names', mesh).map((finding) => finding.message)).toEqual([
      "The name of data product 'Transfers: A/B: C|D' contains ':', '/' and '|', which file systems refuse.",
    ]);
  });

  it('warns of products and of contracts whose names make the same file name, with the files named after their ids', () => {
    const mesh = changed((mesh) => {
      Object.assign(product(mesh, 'customers'), { name: 'Pralinés & Ganache' });
      Object.assign(product(mesh, 'revenue'), { name: 'Pralines & Ganache' });
      Object.assign(contract(mesh, 'customers'), { name: 'Orders' });
      Object.assign(contract(mesh, 'country-counts'), { name: 'orders' });
    });
    expect(findingsOf('safe-file-names', mesh).map(({ path, message }) => [path, message])).toEqual([
      [
        'products[0]',
        "'Pralinés & Ganache' (id customers) and 'Pralines & Ganache' (id revenue) make the same file name 'pralines-ganache': each file is named after its id instead: odps/customers.odps.yaml, sql/customers.sql, odps/revenue.odps.yaml, sql/revenue.sql",
      ],
      [
        'contracts[1]',
        "'orders' (id country-counts) and 'Orders' (id customers) make the same file name 'orders': each file is named after its id instead: odcs/country-counts.odcs.yaml, odcs/customers.odcs.yaml",
      ],
    ]);
  });

  it('names no SQL file for a product whose names clash but that serves no contract, as the export writes none', () => {
    const mesh = changed((mesh) => {
      Object.assign(product(mesh, 'customers'), { name: 'Pralinés & Ganache' });
      Object.assign(product(mesh, 'revenue'), { name: 'Pralines & Ganache' });
      for (const port of product(mesh, 'revenue').outputPorts) delete port.contractId;
    });
    expect(findingsOf('safe-file-names', mesh).map(({ message }) => message)).toEqual([
      "'Pralinés & Ganache' (id customers) and 'Pralines & Ganache' (id revenue) make the same file name 'pralines-ganache': each file is named after its id instead: odps/customers.odps.yaml, sql/customers.sql, odps/revenue.odps.yaml",
    ]);
  });

  it('warns of a name holding a bidirectional mark as a file name, leaving overrides to name-characters', () => {
    const mesh = changed((mesh) => {
      Object.assign(contract(mesh, 'customers'), { name: 'Title\u202e rtl' });
      Object.assign(product(mesh, 'revenue').outputPorts[0] ?? {}, { name: 'counts\u200f' });
    });
    expect(findingsOf('safe-file-names', mesh).map(({ path, message }) => [path, message])).toEqual([
      [
        'products[1].outputPorts[0]',
        "The name of output port '\u2068counts\u200f\u2069' holds U+200F, a bidirectional control: it shows the text round it in another order than it is written.",
      ],
    ]);
  });

  it('finds control characters (an error) and bidirectional overrides (a warning) in names, written escaped', () => {
    const mesh = changed((mesh) => {
      Object.assign(mesh.domains[0] ?? {}, { name: '\u202eevil\u0000 name' });
      Object.assign(contract(mesh, 'customers'), { name: 'Title\u202e rtl\u2066' });
      Object.assign(product(mesh, 'revenue').outputPorts[0] ?? {}, { name: 'counts\u001b\u0085' });
    });
    expect(findingsOf('name-characters', mesh).map(({ path, message, severity }) => [path, severity, message])).toEqual(
      [
        [
          'domains[0]',
          'error',
          "The name of domain '\\u202eevil\\u0000 name' holds a control character (U+0000) and a bidirectional control (U+202E), which shows it in another order than it is written.",
        ],
        [
          'products[1].outputPorts[0]',
          'error',
          "The name of output port 'counts\\u001b\\u0085' holds control characters (U+001B, U+0085).",
        ],
        [
          'contracts[0]',
          'warning',
          "The name of contract 'Title\\u202e rtl\\u2066' holds bidirectional controls (U+202E, U+2066), which shows it in another order than it is written.",
        ],
      ],
    );
    expect(findingsOf('safe-file-names', mesh)).toEqual([]);
  });

  it('finds nothing in right-to-left names, nor in the marks they may hold', () => {
    const mesh = changed((mesh) => {
      Object.assign(mesh.domains[0] ?? {}, { name: 'مبيعات' });
      Object.assign(product(mesh, 'revenue'), { name: 'הכנסות 2025\u200e' });
    });
    expect(findingsOf('name-characters', mesh)).toEqual([]);
  });

  it('warns of a name holding an invisible format character, but not of the joiners emoji and Persian need', () => {
    const mesh = changed((mesh) => {
      Object.assign(contract(mesh, 'customers'), { name: 'Cust\u200bomers' });
      Object.assign(product(mesh, 'revenue'), { name: 'Re\u00advenue' });
      Object.assign(mesh.domains[1] ?? {}, { name: '👩\u200d💻 می\u200cخواهم' });
    });
    expect(findingsOf('safe-file-names', mesh).map(({ path, message }) => [path, message])).toEqual([
      [
        'products[1]',
        "The name of data product 'Re\u00advenue' holds U+00AD, an invisible format character: files named after it look like files of another name.",
      ],
      [
        'contracts[0]',
        "The name of contract 'Cust\u200bomers' holds U+200B, an invisible format character: files named after it look like files of another name.",
      ],
    ]);
  });

  it('warns of a contract id holding a space or a backslash, and suggests a slug of it', () => {
    const mesh = changed((mesh) => {
      mesh.contracts.push(aContract('Tax Bill 2024', { name: 'Tax bill' }), aContract('tax\\bill', { name: 'Bill' }));
    });
    expect(findingsOf('contract-ids', mesh).map(({ message, fixHint }) => [message.split(':')[0], fixHint])).toEqual([
      [
        "Contract 'Tax bill' has the id 'Tax Bill 2024', which holds a space",
        "Give the contract a plain id such as 'tax-bill-2024', and name it so in the ports that serve or read it.",
      ],
      [
        "Contract 'Bill' has the id 'tax\\bill', which holds '\\'",
        "Give the contract a plain id such as 'tax-bill', and name it so in the ports that serve or read it.",
      ],
    ]);
  });

  it('names the kind of the element a name clashes with, an input port clashing with an output port', () => {
    const mesh = changed((mesh) => {
      const revenue = product(mesh, 'revenue');
      const inputName = revenue.inputPorts[0]?.name as string;
      revenue.outputPorts.push(aPort('same-name', 'output', { name: inputName }));
    });
    const revenue = product(mesh, 'revenue');

    expect(findingsOf('unique-names', mesh).map((finding) => finding.message)).toEqual([
      `An input port of 'Revenue' is already called '${revenue.inputPorts[0]?.name}' (products[1].inputPorts[0]).`,
    ]);
  });

  it('quotes each of two names that differ only in case as written, and says why topics may not', () => {
    const mesh = changed((mesh) => {
      const topics = mesh.systems[0]?.messaging.topics ?? [];
      const first = topics[0] as (typeof topics)[number];
      topics.push({ ...first, id: 'upper', name: 'Shop.Public.Customers' });
      mesh.products.push(aProduct('copy', 'sales', { name: ' customers', owner: 'x' }));
    });
    expect(findingsOf('unique-names', mesh).map((finding) => [finding.path, finding.message])).toEqual([
      [
        'products[2]',
        "Another data product in domain 'Sales' is already called 'Customers' (products[0]); ' customers' differs from it only in case and surrounding spaces.",
      ],
      [
        'systems[0].messaging.topics[1]',
        "Another topic of 'Shop' is already called 'shop.public.customers' (systems[0].messaging.topics[0]); 'Shop.Public.Customers' differs from it only in case. Kafka tells the two apart, but each broker keeps a topic's partitions in folders named after it, which are one folder on a file system that ignores case (Windows, macOS).",
      ],
    ]);
  });

  it('takes names that differ only in Unicode normalization for one name, as macOS file names do', () => {
    const composed = 'Caf\u00e9';
    const decomposed = 'Cafe\u0301';
    const mesh = changed((mesh) =>
      mesh.products.push(
        aProduct('composed', 'analytics', { name: composed, owner: 'x' }),
        aProduct('decomposed', 'analytics', { name: decomposed, owner: 'x' }),
      ),
    );
    expect(findingsOf('unique-names', mesh).map((finding) => [finding.path, finding.message])).toEqual([
      [
        'products[3]',
        `Another data product in domain 'Analytics' is already called '${composed}' (products[2]); '${decomposed}' differs from it only in how accents are encoded.`,
      ],
    ]);
  });

  it('reports a cycle with its products and links', () => {
    const [finding] = findingsOf('product-cycles', CASES['product-cycles']?.triggers.mesh() as Mesh);
    expect(finding?.related).toEqual([
      { kind: 'product', productId: 'customers' },
      { kind: 'product', productId: 'revenue' },
      { kind: 'link', linkId: 'customers-to-revenue' },
      { kind: 'link', linkId: 'back' },
    ]);
  });

  it('marks every product of a knot of cycles, with a cycle through each', () => {
    // Report reads Revenue and feeds it back; Audit reads Report and feeds it back: one knot, two cycles.
    const mesh = changed((mesh) => {
      for (const id of ['report', 'audit']) {
        mesh.products.push(
          aProduct(id, 'analytics', {
            owner: 'x',
            inputPorts: [aPort('in', 'input'), aPort('back', 'input')],
            outputPorts: [aPort('out', 'output', { contractId: 'country-counts' })],
          }),
        );
      }
      product(mesh, 'revenue').inputPorts.push(aPort('back', 'input'));
      linked(mesh, 'to-report', ['revenue', 'out'], ['report', 'in']);
      linked(mesh, 'report-back', ['report', 'out'], ['revenue', 'back']);
      linked(mesh, 'to-audit', ['report', 'out'], ['audit', 'in']);
      linked(mesh, 'audit-back', ['audit', 'out'], ['report', 'back']);
    });
    expect(findingsOf('product-cycles', mesh).map((finding) => finding.message)).toEqual([
      'Data products feed each other in a cycle: Revenue → report → Revenue.',
      'Data products feed each other in a cycle: audit → report → audit.',
    ]);
  });

  it('shows the freshness chain back to the first product that promises its own', () => {
    const mesh = changed((mesh) => {
      mesh.products.push(
        aProduct('report', 'analytics', {
          name: 'Report',
          owner: 'x',
          inputPorts: [aPort('in', 'input')],
          observability: { slos: [{ kind: 'freshness', target: 20, unit: 'min' }] },
        }),
      );
      linked(mesh, 'to-report', ['revenue', 'out'], ['report', 'in']);
      product(mesh, 'revenue').observability.slos = [];
    });
    expect(findingsOf('freshness-slos', mesh).map((finding) => finding.message)).toEqual([
      "'Report' promises data fresh within 20 min, but can be no fresher than 25 min: 'Customers' promises 15 min → 'Revenue' refreshes every 10 min → 'Report' adds no delay of its own.",
    ]);
  });

  it('measures a freshness promise in milliseconds too', () => {
    const mesh = changed((mesh) =>
      Object.assign(product(mesh, 'revenue').observability.slos[0] ?? {}, { target: 500, unit: 'ms' }),
    );
    expect(findingsOf('freshness-slos', mesh).map((finding) => finding.message)).toEqual([
      "'Revenue' promises data fresh within 500 ms, but can be no fresher than 25 min: 'Customers' promises 15 min → 'Revenue' refreshes every 10 min.",
    ]);
  });

  it('says when a freshness promise is in a unit it cannot measure, rather than leaving it unchecked', () => {
    const mesh = changed((mesh) =>
      Object.assign(product(mesh, 'revenue').observability.slos[0] ?? {}, { target: 1, unit: 'PT5M' }),
    );
    expect(findingsOf('freshness-slos', mesh).map((finding) => [finding.path, finding.message])).toEqual([
      [
        'products[1].observability.slos[0]',
        "'Revenue' promises freshness in 'PT5M', which is no unit of time this check reads (ms, s, min, h, d, w, mo, y): the promise is not checked.",
      ],
    ]);
  });

  it.each([
    ['y', '365 d'],
    ['years', '365 d'],
    ['month', '30 d'],
  ])('reads a contract refreshing every 1 %s, rather than ignoring it', (unit, words) => {
    const mesh = changed((mesh) => {
      contract(mesh, 'country-counts').sla = [{ property: 'frequency', value: 1, unit }];
    });
    expect(findingsOf('freshness-slos', mesh).map((finding) => finding.message)).toEqual([
      `'Revenue' promises data fresh within 30 min, but can be no fresher than ${words} 15 min: 'Customers' promises 15 min → 'Revenue' refreshes every ${words}.`,
    ]);
  });

  it('says when a contract SLA on freshness cannot be read as a time, rather than leaving it unchecked', () => {
    const mesh = changed((mesh) => {
      contract(mesh, 'country-counts').sla = [
        { property: 'frequency', value: 1, unit: 'fortnight' },
        { property: 'latency', value: 'soon', unit: 'h' },
        { property: 'retention', value: 1, unit: 'fortnight' },
      ];
    });
    expect(findingsOf('freshness-slos', mesh).map((finding) => [finding.path, finding.message])).toEqual([
      [
        'contracts[1].slaProperties[1]',
        "Contract 'Country counts' gives its latency as 'soon', which is no number: it is not checked.",
      ],
    ]);
  });

  it('reports an SLA in no unit of time once, at its place in the contract file (slaProperties), with the list of spellings read', () => {
    const mesh = changed((mesh) => {
      contract(mesh, 'country-counts').sla = [{ property: 'frequency', value: 1, unit: 'fortnight' }];
    });
    const aboutTheUnit = [...findingsOf('freshness-slos', mesh), ...findingsOf('contract-semantics', mesh)]
      .filter((finding) => finding.message.includes("'fortnight'"))
      .map((finding) => [finding.ruleId, finding.path]);
    expect(aboutTheUnit).toEqual([['contract-semantics', 'contracts[1].slaProperties[0].unit']]);
  });

  it('never reads a promise and a bound that differ as the same duration', () => {
    const mesh = changed((mesh) => {
      product(mesh, 'customers').observability.slos = [{ kind: 'freshness', target: 1, unit: 'd' }];
      product(mesh, 'revenue').observability.slos = [{ kind: 'freshness', target: 1, unit: 'd' }];
      contract(mesh, 'country-counts').sla = [{ property: 'frequency', value: 1, unit: 'h' }];
    });
    expect(findingsOf('freshness-slos', mesh).map((finding) => finding.message)).toEqual([
      "'Revenue' promises data fresh within 1 d, but can be no fresher than 1 d 1 h: 'Customers' promises 1 d → 'Revenue' refreshes every 1 h.",
    ]);
  });

  it('keeps the weight of each contract finding unless a policy sets the rule', () => {
    const mesh = changed((mesh) => {
      mesh.contracts.push(anEventContract('clicks', { keepHistory: true }));
      contract(mesh, 'customers').schema[0]?.properties.push(aProperty('email'));
    });
    expect(findingsOf('contract-semantics', mesh).map((finding) => finding.severity)).toEqual(['error', 'warning']);
    mesh.policies.rules['contract-semantics'] = 'info';
    expect(findingsOf('contract-semantics', mesh).map((finding) => finding.severity)).toEqual(['info', 'info']);
  });

  it("hints at each contract finding with the check's own repair, and at the contract where it has none", () => {
    const mesh = changed((mesh) => {
      const properties = contract(mesh, 'customers').schema[0]?.properties ?? [];
      properties.push(
        aProperty('zip', 'string', { extensions: { logicalTypeOptions: { minLength: 9, maxLength: 5 } } }),
        aProperty('visits', 'integer', { extensions: { logicalTypeOptions: { minimum: 10, exclusiveMaximum: 3 } } }),
        aProperty('email'),
      );
      const key = properties.find((property) => property.primaryKey);
      if (key) key.required = false;
    });
    expect(findingsOf('contract-semantics', mesh).map((finding) => [finding.message, finding.fixHint])).toEqual([
      [expect.stringContaining("duplicate property name 'email'"), 'Open the contract and correct it.'],
      [expect.stringContaining('primary key property'), 'Add required: true.'],
      [expect.stringContaining('minLength 9 and maxLength 5'), 'Lower minLength or raise maxLength.'],
      [expect.stringContaining('minimum 10 and exclusiveMaximum 3'), 'Lower minimum or raise exclusiveMaximum.'],
    ]);
  });

  it('counts an owner of only invisible characters as none, and judges no contract team by it', () => {
    const mesh = changed((mesh) => {
      Object.assign(mesh.domains[0] ?? {}, { owner: '\u2060' });
      product(mesh, 'customers').owner = '\u200b';
      mesh.contracts[0] = aContract('customers', { name: 'Customers', owner: 'team-sales' });
    });
    expect(findingsOf('owners', mesh).map((finding) => finding.message)).toEqual([
      `Domain '${mesh.domains[0]?.name}' has no owner.`,
      "Data product 'Customers' has no owner.",
    ]);
    expect(findingsOf('contract-team', mesh)).toEqual([]);
  });

  it("judges the contract team of a product without an owner of its own by its domain's owner, as the exports name it", () => {
    const mesh = changed((mesh) => {
      product(mesh, 'customers').owner = '';
      mesh.contracts[0] = aContract('customers', { name: 'Customers', owner: 'Ward Services Team' });
    });
    expect(findingsOf('contract-team', mesh).map((finding) => finding.message)).toEqual([
      "Contract 'Customers' names the team 'Ward Services Team' but is served by 'Customers', owned by 'team-sales'.",
    ]);
  });

  it("warns of a contract status that is none of ODCS's lifecycle statuses in a design, with the one it most likely meant", () => {
    const mesh = changed((mesh) => Object.assign(contract(mesh, 'customers'), { status: 'actve' }));
    expect(
      findingsOf('contract-semantics', mesh).map(({ severity, path, message, fixHint }) => [
        severity,
        path,
        message,
        fixHint,
      ]),
    ).toEqual([
      [
        'warning',
        'contracts[0].status',
        "Contract 'Customers': unknown lifecycle status 'actve'; expected one of: proposed, draft, active, deprecated, retired (did you mean 'active'?).",
        'Write one of proposed, draft, active, deprecated, retired.',
      ],
    ]);
  });

  it('warns of an owner that looks like a Backstage reference but is not one, which export would take for a team name', () => {
    const mesh = changed((mesh) => {
      Object.assign(mesh.domains[0] ?? {}, { owner: 'group:museum/Collections Team' });
      product(mesh, 'revenue').owner = 'user:';
      product(mesh, 'customers').owner = 'group:museum/collections-team';
      Object.assign(mesh.systems[0] ?? {}, { owner: 'group:a/b/c' });
    });
    expect(findingsOf('owners', mesh).map((finding) => [finding.severity, finding.message, finding.fixHint])).toEqual([
      [
        'warning',
        `Domain '${mesh.domains[0]?.name}' has the owner 'group:museum/Collections Team', which looks like a Backstage reference but is not one (a name has no spaces): the Backstage export takes it for a team's name.`,
        'Write it as kind:namespace/name (such as group:default/team-name), or as a plain team name.',
      ],
      [
        'warning',
        "Data product 'Revenue' has the owner 'user:', which looks like a Backstage reference but is not one (no name follows the colon): the Backstage export takes it for a team's name.",
        'Write it as kind:namespace/name (such as group:default/team-name), or as a plain team name.',
      ],
      [
        'warning',
        `System '${mesh.systems[0]?.name}' has the owner 'group:a/b/c', which looks like a Backstage reference but is not one (a reference has one '/' at most, between namespace and name): the Backstage export takes it for a team's name.`,
        'Write it as kind:namespace/name (such as group:default/team-name), or as a plain team name.',
      ],
    ]);
  });

  it('does not count a column computed from a classified field as republishing it', () => {
    const findings = findingsOf('pii-propagation', CASES['pii-propagation']?.triggers.mesh() as Mesh);
    expect(findings.map((finding) => finding.element)).toEqual([
      { kind: 'field', contractId: 'country-counts', object: 'country_counts', field: 'contact' },
    ]);
  });

  it('follows a classified field through CTEs, subqueries, unions, a scalar VALUES and functions that keep its value (if, json_pretty)', () => {
    const republished =
      "'Revenue' republishes 'email', classified 'pii' in its input 'customers', as 'contact' of 'counts', but its contract 'Country counts' does not classify it.";
    for (const sql of [
      'WITH c AS (SELECT email FROM customers) SELECT email AS contact FROM c',
      'WITH c (address) AS (SELECT email FROM customers), d AS (SELECT * FROM c) SELECT address AS contact FROM d',
      'SELECT x.address AS contact FROM (SELECT email AS address FROM customers) x',
      'SELECT country AS contact FROM customers UNION ALL SELECT email FROM customers',
      'SELECT LOWER(TRIM(email)) AS contact FROM customers',
      "SELECT COALESCE(email, '') || ' <' || country || '>' AS contact FROM customers",
      'SELECT CASE WHEN country IS NULL THEN NULL ELSE email END AS contact FROM customers',
      'SELECT c.email AS contact, (SELECT COUNT(*) FROM customers x WHERE x.country = c.country) AS peers FROM customers c',
      'SELECT c.email AS contact FROM customers c WHERE c.country IN (SELECT country FROM customers WHERE customer_id > 0)',
      'SELECT (SELECT x.email FROM customers x WHERE x.customer_id = c.customer_id) AS contact FROM customers c',
      'SELECT c.country, if(c.customer_id > 0, c.email, NULL) AS contact FROM customers c',
      "SELECT c.country, json_pretty(json_object('e', c.email)) AS contact FROM customers c",
      'SELECT c.country, (VALUES (c.email)) AS contact FROM customers c',
      'SELECT c.country, (VALUES (c.email, 1), (NULL, 2)) AS contact FROM customers c',
      'SELECT c.country, (SELECT column1 FROM (VALUES (c.email))) AS contact FROM customers c',
      'SELECT c.country, (SELECT v.column2 FROM (VALUES (1, c.email), (2, NULL)) AS v) AS contact FROM customers c',
    ]) {
      expect([sql, findingsOf('pii-propagation', publishing(sql)).map((finding) => finding.message)]).toEqual([
        sql,
        [republished],
      ]);
    }
    for (const sql of [
      'WITH c AS (SELECT email FROM customers) SELECT COUNT(email) AS contact FROM c',
      'SELECT country AS contact FROM customers EXCEPT SELECT email FROM customers',
    ]) {
      expect([sql, findingsOf('pii-propagation', publishing(sql))]).toEqual([sql, []]);
    }
  });

  it('follows a classified field of a table listed after a comma that follows a join’s ON or USING', () => {
    for (const sql of [
      'SELECT c.country, c.email AS contact FROM customers d JOIN customers e ON e.customer_id = d.customer_id, customers c WHERE c.customer_id = d.customer_id',
      'SELECT c.country, c.email AS contact FROM customers d JOIN customers e USING (customer_id), customers c WHERE c.customer_id = d.customer_id',
    ]) {
      expect([
        sql,
        findingsOf('pii-propagation', publishing(sql)).map(({ severity, message }) => [severity, message]),
      ]).toEqual([
        sql,
        [
          [
            'error',
            "'Revenue' republishes 'email', classified 'pii' in its input 'customers', as 'contact' of 'counts', but its contract 'Country counts' does not classify it.",
          ],
        ],
      ]);
    }
  });

  it('warns of a column derived row by row from a classified field (CASE, IN, a comparison, a function), through CTEs, subqueries and unions, but not of an aggregate over many rows', () => {
    const derived = {
      severity: 'warning',
      message:
        "'Revenue' publishes 'contact' of 'counts', derived row by row from 'email', classified 'pii' in its input 'customers' (a CASE, a comparison or a function of it), but its contract 'Country counts' does not classify it.",
      fixHint:
        "Classify 'contact' of 'counts' as 'pii' in contract 'Country counts', or publish it only aggregated over many rows.",
    };
    for (const sql of [
      "SELECT CASE email WHEN 'a@x' THEN 'A' ELSE 'B' END AS contact FROM customers",
      "SELECT CASE WHEN email LIKE '%@x' THEN 1 ELSE 0 END AS contact FROM customers",
      "SELECT (email IN ('a@x', 'b@x')) AS contact FROM customers",
      "SELECT email = 'a@x' AS contact FROM customers",
      'SELECT LENGTH(email) AS contact FROM customers',
      "WITH c AS (SELECT INSTR(email, '@') AS at FROM customers) SELECT at AS contact FROM c",
      'SELECT x.flag AS contact FROM (SELECT email IS NULL AS flag FROM customers) x',
      "SELECT country AS contact FROM customers UNION ALL SELECT email <> '' FROM customers",
      "WITH c AS (SELECT LOWER(email) AS e FROM customers) SELECT e = 'a@x' AS contact FROM c",
    ]) {
      expect([
        sql,
        findingsOf('pii-propagation', publishing(sql)).map(({ severity, message, fixHint }) => ({
          severity,
          message,
          fixHint,
        })),
      ]).toEqual([sql, [derived]]);
    }
    for (const sql of [
      "SELECT SUM(CASE WHEN email LIKE '%@x' THEN 1 ELSE 0 END) AS contact FROM customers GROUP BY country",
      'SELECT COUNT(DISTINCT email) AS contact FROM customers',
      "SELECT CASE country WHEN 'FR' THEN 1 ELSE 0 END AS contact FROM customers",
      'SELECT country AS contact FROM customers WHERE email IS NOT NULL',
    ]) {
      expect([sql, findingsOf('pii-propagation', publishing(sql))]).toEqual([sql, []]);
    }
  });

  it("warns of a CASE, a comparison or a function of MIN or MAX of a classified field: they keep one record's real value, so what is computed of it is derived", () => {
    const derived = {
      severity: 'warning',
      message:
        "'Revenue' publishes 'contact' of 'counts', derived row by row from 'email', classified 'pii' in its input 'customers' (a CASE, a comparison or a function of it), but its contract 'Country counts' does not classify it.",
    };
    for (const sql of [
      "SELECT CASE WHEN MIN(email) < 'm' THEN 'early' ELSE 'late' END AS contact FROM customers GROUP BY country",
      'SELECT length(MAX(email)) AS contact FROM customers GROUP BY country',
      "SELECT MIN(CASE WHEN email LIKE '%@x' THEN 1 END) AS contact FROM customers GROUP BY country",
      "SELECT MAX(email) > 'm' AS contact FROM customers GROUP BY country",
      'SELECT length(MAX(email) OVER (PARTITION BY country)) AS contact FROM customers',
    ]) {
      expect([
        sql,
        findingsOf('pii-propagation', publishing(sql)).map(({ severity, message }) => ({ severity, message })),
      ]).toEqual([sql, [derived]]);
    }
    const sql = "SELECT SUM(CASE WHEN email LIKE '%@x' THEN 1 END) > 1 AS contact FROM customers GROUP BY country";
    expect([sql, findingsOf('pii-propagation', publishing(sql))]).toEqual([sql, []]);
  });

  it('warns of a per-row flag computed by a subquery (EXISTS, IN, a comparison with it) from a classified field it reads, its WHERE included', () => {
    const derived =
      "'Revenue' publishes 'contact' of 'counts', derived row by row from 'email', classified 'pii' in its input 'customers' (a CASE, a comparison or a function of it), but its contract 'Country counts' does not classify it.";
    const flagged = "c2.customer_id = c.customer_id AND c2.email LIKE '%@x'";
    for (const sql of [
      `SELECT EXISTS (SELECT 1 FROM customers c2 WHERE ${flagged}) AS contact FROM customers c`,
      `SELECT NOT EXISTS (SELECT 1 FROM customers c2 WHERE ${flagged}) AS contact FROM customers c`,
      `SELECT CASE WHEN EXISTS (SELECT 1 FROM customers c2 WHERE ${flagged}) THEN 'Y' ELSE 'N' END AS contact FROM customers c`,
      "SELECT c.customer_id IN (SELECT c2.customer_id FROM customers c2 WHERE c2.email LIKE '%@x') AS contact FROM customers c",
      "SELECT c.customer_id = (SELECT MIN(c2.customer_id) FROM customers c2 WHERE c2.email = 'a@x') AS contact FROM customers c",
    ]) {
      expect([
        sql,
        findingsOf('pii-propagation', publishing(sql)).map(({ severity, message }) => ({ severity, message })),
      ]).toEqual([sql, [{ severity: 'warning', message: derived }]]);
    }
    expect(
      findingsOf(
        'pii-propagation',
        publishing(
          "SELECT EXISTS (SELECT 1 FROM customers c2 WHERE c2.customer_id = c.customer_id AND c2.country = 'FR') AS contact FROM customers c",
        ),
      ),
    ).toEqual([]);
  });

  it('names every classified field one output field copies, with the classification of each, and asks for the strictest', () => {
    const publishingBoth = (expression: string) =>
      changed((mesh) => {
        Object.assign(contract(mesh, 'customers').schema[0]?.properties[1] ?? {}, { classification: 'confidential' });
        Object.assign(contract(mesh, 'customers').schema[0]?.properties[2] ?? {}, { classification: 'restricted' });
        product(mesh, 'revenue').transformations = [
          { name: 'country_counts', sql: `SELECT ${expression} AS contact FROM customers` },
        ];
        contract(mesh, 'country-counts').schema[0]?.properties.push(aProperty('contact'));
      });
    for (const expression of [
      'iif(customer_id > 1, email, country)',
      "json_group_array(json_object('e', email, 'c', country))",
    ]) {
      expect([
        expression,
        findingsOf('pii-propagation', publishingBoth(expression)).map(({ message, fixHint }) => ({ message, fixHint })),
      ]).toEqual([
        expression,
        [
          {
            message:
              "'Revenue' republishes 'email', classified 'confidential', and 'country', classified 'restricted', in its input 'customers', as 'contact' of 'counts', but its contract 'Country counts' does not classify it.",
            fixHint:
              "Classify 'contact' of 'counts' as 'restricted' in contract 'Country counts', or stop republishing it.",
          },
        ],
      ]);
    }
  });

  it('offers no one-click fix where no one classification keeps every field an output field copies, as applying one would only report the others', () => {
    const publishingPiiAndRestricted = (contactClassification: string, classificationLevels?: string[]) =>
      changed((mesh) => {
        Object.assign(contract(mesh, 'customers').schema[0]?.properties[1] ?? {}, { classification: 'pii' });
        Object.assign(contract(mesh, 'customers').schema[0]?.properties[2] ?? {}, { classification: 'restricted' });
        product(mesh, 'revenue').transformations = [
          { name: 'country_counts', sql: 'SELECT iif(customer_id > 1, email, country) AS contact FROM customers' },
        ];
        contract(mesh, 'country-counts').schema[0]?.properties.push(
          aProperty('contact', 'string', { classification: contactClassification }),
        );
        if (classificationLevels) mesh.policies.classificationLevels = classificationLevels;
      });
    // 'restricted' keeps country but not email, 'pii' email but not country: each fix would report the other field.
    for (const contactClassification of ['restricted', 'pii']) {
      const [finding] = findingsOf('pii-propagation', publishingPiiAndRestricted(contactClassification));
      expect([contactClassification, finding?.fix, finding?.fixHint]).toEqual([
        contactClassification,
        undefined,
        "No one classification keeps 'pii' and 'restricted' as the design ranks them: rank them in policies.classificationLevels and classify 'contact' of 'counts' as the strictest in contract 'Country counts', or stop republishing it.",
      ]);
    }
    const ranked = findingsOf(
      'pii-propagation',
      publishingPiiAndRestricted('restricted', ['public', 'internal', 'confidential', 'restricted', 'pii']),
    );
    expect(ranked.map(({ fix }) => fix)).toEqual([
      {
        kind: 'classify-field',
        contractId: 'country-counts',
        object: 'country_counts',
        field: 'contact',
        classification: 'pii',
      },
    ]);
  });

  it("says a copy picked by MIN or MAX is one record's real value, and a plain copy nothing of the sort", () => {
    const messageOf = (sql: string) =>
      findingsOf('pii-propagation', publishing(sql)).map(({ severity, message }) => ({ severity, message }));
    for (const sql of [
      'SELECT country, MIN(email) AS contact FROM customers GROUP BY country',
      'SELECT country, lower(MAX(c.email)) AS contact FROM customers c GROUP BY country',
    ]) {
      expect([sql, messageOf(sql)]).toEqual([
        sql,
        [
          {
            severity: 'error',
            message:
              "'Revenue' republishes 'email', classified 'pii' in its input 'customers', as 'contact' of 'counts', taken by MIN or MAX, which return one record's real value, not a summary of the group; but its contract 'Country counts' does not classify it.",
          },
        ],
      ]);
    }
    expect(messageOf('SELECT country, email AS contact FROM customers')).toEqual([
      {
        severity: 'error',
        message:
          "'Revenue' republishes 'email', classified 'pii' in its input 'customers', as 'contact' of 'counts', but its contract 'Country counts' does not classify it.",
      },
    ]);
  });

  it('words a rank ordered by a classified field as the rank it is, and a rank mixed with a row-by-row function as derived', () => {
    const messageOf = (expression: string) =>
      findingsOf('pii-propagation', publishing(`SELECT country, ${expression} AS contact FROM customers`)).map(
        ({ severity, message }) => ({ severity, message }),
      );
    const ranked =
      "'Revenue' publishes 'contact' of 'counts', derived from 'email', classified 'pii' in its input 'customers' (a rank ordered by it), but its contract 'Country counts' does not classify it.";
    for (const rank of ['row_number()', 'rank()', 'dense_rank()', 'ntile(4)', 'percent_rank()', 'cume_dist()']) {
      expect([rank, messageOf(`${rank} OVER (PARTITION BY country ORDER BY email DESC)`)]).toEqual([
        rank,
        [{ severity: 'warning', message: ranked }],
      ]);
    }
    expect(messageOf('rank() OVER (ORDER BY email) + length(email)')).toEqual([
      {
        severity: 'warning',
        message:
          "'Revenue' publishes 'contact' of 'counts', derived row by row from 'email', classified 'pii' in its input 'customers' (a CASE, a comparison or a function of it), but its contract 'Country counts' does not classify it.",
      },
    ]);
  });

  it('warns of a per-row count or pick by a correlated scalar subquery from a classified field it reads, its WHERE included, whatever it selects', () => {
    const derived =
      "'Revenue' publishes 'contact' of 'counts', derived row by row from 'email', classified 'pii' in its input 'customers' (a CASE, a comparison or a function of it), but its contract 'Country counts' does not classify it.";
    const flagged = "c2.customer_id = c.customer_id AND c2.email LIKE '%@x'";
    for (const sql of [
      ...['COUNT(*)', 'SUM(1)', 'MAX(1)'].map(
        (selected) =>
          `SELECT c.customer_id AS k, (SELECT ${selected} FROM customers c2 WHERE ${flagged}) AS contact FROM customers c`,
      ),
      'SELECT (SELECT COUNT(*) FROM customers x WHERE x.email = c.email) AS contact FROM customers c',
    ]) {
      expect([
        sql,
        findingsOf('pii-propagation', publishing(sql)).map(({ severity, message }) => ({ severity, message })),
      ]).toEqual([sql, [{ severity: 'warning', message: derived }]]);
    }
  });

  it('follows a derived table inside a correlated scalar subquery to the row it runs for', () => {
    const republished =
      "'Revenue' republishes 'email', classified 'pii' in its input 'customers', as 'contact' of 'counts', but its contract 'Country counts' does not classify it.";
    const derived =
      "'Revenue' publishes 'contact' of 'counts', derived row by row from 'email', classified 'pii' in its input 'customers' (a CASE, a comparison or a function of it), but its contract 'Country counts' does not classify it.";
    for (const [sql, expected] of <Array<[string, string]>>[
      ['SELECT c.customer_id AS k, (SELECT x FROM (SELECT c.email AS x)) AS contact FROM customers c', republished],
      ['SELECT customer_id AS k, (SELECT x FROM (SELECT email AS x)) AS contact FROM customers', republished],
      [
        "SELECT c.customer_id AS k, (SELECT 1 FROM (SELECT c.email AS e) WHERE e LIKE '%@x') AS contact FROM customers c",
        derived,
      ],
    ]) {
      expect([sql, findingsOf('pii-propagation', publishing(sql)).map((finding) => finding.message)]).toEqual([
        sql,
        [expected],
      ]);
    }
  });

  it("makes a derived finding an error under an organisation's pii-propagation: error, as under the design's own", () => {
    const sql = "SELECT CASE WHEN email LIKE '%@x' THEN 1 ELSE 0 END AS contact FROM customers";
    const mesh = publishing(sql);
    const severitiesUnder = (policies: Mesh['policies']) =>
      findingsOf('pii-propagation', { ...mesh, policies }).map((finding) => finding.severity);
    const organisation = { rules: { 'pii-propagation': 'error' as const } };
    const underOrganisation = underOrganisationPolicies(mesh.policies, organisation, RULES).policies;
    expect(severitiesUnder(mesh.policies)).toEqual(['warning']);
    expect(severitiesUnder({ ...mesh.policies, rules: { 'pii-propagation': 'error' } })).toEqual(['error']);
    expect(severitiesUnder(underOrganisation)).toEqual(['error']);
  });

  it('says nothing of a grand total by an uncorrelated scalar subquery: it is the same for every row', () => {
    for (const sql of [
      'SELECT c.customer_id AS k, (SELECT COUNT(*) FROM customers) AS contact FROM customers c',
      "SELECT c.customer_id AS k, (SELECT COUNT(*) FROM customers c2 WHERE c2.email LIKE '%@x') AS contact FROM customers c",
    ]) {
      expect([sql, findingsOf('pii-propagation', publishing(sql))]).toEqual([sql, []]);
    }
  });

  it('counts a classified field wrapped in JSON (json_object, json_array) as republished', () => {
    const publishing = (expression: string) =>
      changed((mesh) => {
        product(mesh, 'revenue').transformations = [
          { name: 'country_counts', sql: `SELECT c.country, ${expression} AS contact FROM customers c` },
        ];
        contract(mesh, 'country-counts').schema[0]?.properties.push(aProperty('contact'));
      });
    for (const expression of ["json_object('email', c.email)", 'json_array(c.email)']) {
      expect([
        expression,
        findingsOf('pii-propagation', publishing(expression)).map((finding) => finding.message),
      ]).toEqual([
        expression,
        [
          "'Revenue' republishes 'email', classified 'pii' in its input 'customers', as 'contact' of 'counts', but its contract 'Country counts' does not classify it.",
        ],
      ]);
    }
  });

  it('words a rounded copy or a part of a classified field as such, still an error', () => {
    const published = (copy: string) =>
      `'Revenue' publishes ${copy} 'email', classified 'pii' in its input 'customers', as 'contact' of 'counts', but its contract 'Country counts' does not classify it.`;
    for (const [expression, message] of <Array<[string, string]>>[
      ['round(c.email, -4)', published('a rounded copy of')],
      ['TRIM(floor(c.email))', published('a rounded copy of')],
      ["'******' || substr(c.email, -3)", published('part of')],
      ['UPPER(SUBSTR(c.email, 1, 3))', published('part of')],
      [
        'c.email',
        "'Revenue' republishes 'email', classified 'pii' in its input 'customers', as 'contact' of 'counts', but its contract 'Country counts' does not classify it.",
      ],
    ]) {
      const sql = `SELECT c.country, ${expression} AS contact FROM customers c`;
      const findings = findingsOf('pii-propagation', publishing(sql));
      expect([expression, findings.map(({ severity, message }) => ({ severity, message }))]).toEqual([
        expression,
        [{ severity: 'error', message }],
      ]);
    }
  });

  it('says which step it cannot follow, and why, where a product reading classified fields has SQL read approximately: a warning where the step names one', () => {
    const withStep = (sql: string, emailClassification?: string) =>
      changed((mesh) => {
        product(mesh, 'revenue').transformations = [{ name: 'country_counts', sql }];
        Object.assign(contract(mesh, 'customers').schema[0]?.properties[1] ?? {}, {
          classification: emailClassification,
        });
      });
    const approximate = "SELECT c.country, COUNT(*) AS customers FROM customers c, json_each('[1]') GROUP BY c.country";
    const findings = findingsOf('pii-propagation', withStep(approximate, 'pii'));
    expect(findings.map(({ severity, path, element, message }) => ({ severity, path, element, message }))).toEqual([
      {
        severity: 'info',
        path: 'products[1].transformations[0]',
        element: { kind: 'transformation', productId: 'revenue', name: 'country_counts' },
        message:
          "pii-propagation could not follow transformation 'country_counts' of 'Revenue': its SQL is read approximately (it reads the table-valued function 'json_each'), so a classified field it republishes under another name goes unreported.",
      },
    ]);
    expect(findingsOf('pii-propagation', withStep(approximate, 'public'))).toEqual([]);
    const namingEmail = approximate.replace('COUNT(*)', 'COUNT(c.email)');
    expect(findingsOf('pii-propagation', withStep(namingEmail, 'pii')).map(({ severity }) => severity)).toEqual([
      'warning',
    ]);
    expect(findingsOf('pii-propagation', withStep(approximate.replace(", json_each('[1]')", ''), 'pii'))).toEqual([]);
    const valuesNamingEmailByAlias =
      'SELECT c.country, (SELECT COUNT(*) FROM (VALUES (1, c.email))) AS customers FROM customers c';
    expect(
      findingsOf('pii-propagation', withStep(valuesNamingEmailByAlias, 'pii')).map(({ severity, message }) => [
        severity,
        message,
      ]),
    ).toEqual([
      [
        'warning',
        "pii-propagation could not follow transformation 'country_counts' of 'Revenue': its SQL is read approximately (it uses VALUES), so a classified field it republishes under another name goes unreported.",
      ],
    ]);
  });

  it('follows a copy beside a FROM item it cannot read (VALUES, a CTE of VALUES, a recursive CTE, a join in parentheses) and through a UNION with VALUES rows, and names the step at info for the part it reads approximately', () => {
    const republished =
      "'Revenue' republishes 'email', classified 'pii' in its input 'customers', as 'contact' of 'counts', but its contract 'Country counts' does not classify it.";
    const unfollowed = (reason: string) =>
      `pii-propagation could not follow transformation 'country_counts' of 'Revenue': its SQL is read approximately (${reason}), so a classified field it republishes under another name goes unreported.`;
    const cases: Array<[string, Array<[string, string]>]> = [
      [
        'SELECT c.country, c.email AS contact FROM customers c JOIN (VALUES (1)) v ON 1 = 1',
        [
          ['error', republished],
          ['info', unfollowed('it uses VALUES')],
        ],
      ],
      [
        'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 1) SELECT c.country, c.email AS contact FROM customers c, r',
        [
          ['error', republished],
          ['info', unfollowed('it uses a recursive WITH')],
        ],
      ],
      [
        "WITH regions(code, name) AS (VALUES ('MO', 'Mosel'), ('RH', 'Rheingau')) SELECT c.country, c.email AS contact FROM customers c, regions",
        [
          ['error', republished],
          ['info', unfollowed('it uses VALUES')],
        ],
      ],
      [
        'SELECT a.country, b.email AS contact FROM (customers a JOIN customers b ON a.customer_id = b.customer_id)',
        [['error', republished]],
      ],
      [
        "SELECT c.country, c.email AS contact FROM customers c UNION ALL VALUES ('none', NULL), ('unknown', NULL)",
        [['error', republished]],
      ],
      [
        "WITH v(country, contact) AS (VALUES ('none', NULL) UNION ALL SELECT c.country, c.email FROM customers c) SELECT country, contact FROM v",
        [['error', republished]],
      ],
      [
        "SELECT v.column1 AS country, v.column2 AS contact FROM (VALUES ('none', NULL) UNION ALL SELECT c.country, c.email FROM customers c) v",
        [['error', republished]],
      ],
      [
        'WITH RECURSIVE r(e) AS (SELECT email FROM customers UNION SELECT e FROM r) SELECT c.country, r.e AS contact FROM customers c, r',
        [['warning', unfollowed('it uses a recursive WITH')]],
      ],
    ];
    for (const [sql, expected] of cases) {
      expect([
        sql,
        findingsOf('pii-propagation', publishing(sql)).map(({ severity, message }) => [severity, message]),
      ]).toEqual([sql, expected]);
    }
  });

  it('reads a step that starts with rows of VALUES before a UNION exactly, its columns named column1, column2… after them', () => {
    const mesh = changed((mesh) => {
      product(mesh, 'revenue').transformations = [
        {
          name: 'country_counts',
          sql: "VALUES ('none', NULL) UNION ALL SELECT c.country, c.email FROM customers c",
        },
      ];
      contract(mesh, 'country-counts').schema[0]?.properties.push(aProperty('column2'));
    });
    expect(findingsOf('pii-propagation', mesh).map(({ severity, message }) => [severity, message])).toEqual([
      [
        'error',
        "'Revenue' republishes 'email', classified 'pii' in its input 'customers', as 'column2' of 'counts', but its contract 'Country counts' does not classify it.",
      ],
    ]);
  });

  it('counts a classified field passed through a function that keeps its value as republished, and an aggregate that counts it as not', () => {
    const republishesAs = (expression: string) =>
      republishes(`SELECT country, ${expression} AS contact FROM customers GROUP BY country`);
    const keeping = [
      'hex(email)',
      "printf('%s', email)",
      "format('<%s>', email)",
      'upper(email)',
      'lower(email)',
      'trim(email)',
      'substr(email, 1, 6)',
      "email || ''",
      "coalesce(email, '')",
      'CAST(email AS TEXT)',
      "replace(email, '@', ' at ')",
      'quote(email)',
      'min(email)',
      'max(email)',
      "group_concat(email, ';')",
      'group_concat(email ORDER BY customer_id)',
      'json_group_array(email ORDER BY customer_id DESC)',
      'date(email)',
      "strftime('%Y', email)",
      'julianday(email)',
      'email COLLATE NOCASE',
      '+email',
      'likely(email)',
      'round(email)',
    ];
    const dropping = ['count(email)', 'count(DISTINCT email)', 'length(email)', "instr(email, '@')"];
    expect(keeping.filter((expression) => !republishesAs(expression))).toEqual([]);
    expect(dropping.filter(republishesAs)).toEqual([]);
  });

  it('counts a classified field named like an SQL keyword (a surname `last`) as republished, read through its qualifier or bare', () => {
    const republishing = (sql: string) =>
      changed((mesh) => {
        const email = contract(mesh, 'customers').schema[0]?.properties.find((property) => property.name === 'email');
        Object.assign(email ?? {}, { name: 'last' });
        product(mesh, 'revenue').transformations = [{ name: 'country_counts', sql }];
        contract(mesh, 'country-counts').schema[0]?.properties.push(aProperty('contact'));
      });
    for (const sql of [
      'SELECT c.country, 1 AS customers, c.last AS contact FROM customers c',
      'SELECT country, 1 AS customers, last AS contact FROM customers',
    ]) {
      expect([sql, findingsOf('pii-propagation', republishing(sql)).map((finding) => finding.message)]).toEqual([
        sql,
        [
          "'Revenue' republishes 'last', classified 'pii' in its input 'customers', as 'contact' of 'counts', but its contract 'Country counts' does not classify it.",
        ],
      ]);
    }
  });

  it('counts a classified field named with letters beyond ASCII (a German `straße`) as republished, and reads no other column in its name', () => {
    const mesh = (sql: string) =>
      changed((changing) => {
        const email = contract(changing, 'customers').schema[0]?.properties.find(
          (property) => property.name === 'email',
        );
        Object.assign(email ?? {}, { name: 'straße' });
        product(changing, 'revenue').transformations = [{ name: 'country_counts', sql }];
        contract(changing, 'country-counts').schema[0]?.properties.push(aProperty('contact'));
      });
    for (const sql of [
      'SELECT c.country, 1 AS customers, c.straße AS contact FROM customers c',
      'SELECT country, 1 AS customers, straße AS contact FROM customers',
    ]) {
      expect([sql, findingsOf('pii-propagation', mesh(sql)).map((finding) => finding.message)]).toEqual([
        sql,
        [
          "'Revenue' republishes 'straße', classified 'pii' in its input 'customers', as 'contact' of 'counts', but its contract 'Country counts' does not classify it.",
        ],
      ]);
      expect([sql, findingsOf('transformation-reads', mesh(sql))]).toEqual([sql, []]);
    }
  });

  it('counts a classified field shifted by a constant expression as republished: literals only, or columns that cancel', () => {
    const republishesAs = (expression: string) =>
      republishes(`SELECT country, ${expression} AS contact FROM customers`);
    const shiftedByConstants = [
      "julianday(email) - julianday('1970-01-01')",
      "unixepoch(email) - unixepoch('2000-01-01')",
      'email - abs(-3)',
      'email + (customer_id - customer_id)',
      'email + 0 * customer_id',
      'email + customer_id * 0 + 1',
    ];
    const computed = [
      'email - customer_id',
      'email * 0',
      'email - email',
      'email + random()',
      'email + customer_id * 1',
    ];
    expect(shiftedByConstants.filter((expression) => !republishesAs(expression))).toEqual([]);
    expect(computed.filter(republishesAs)).toEqual([]);
  });

  it('counts an aggregate of a classified field as republished where each group is one row of its table (GROUP BY its primary key, by name, position or alias)', () => {
    const oneRowGroups = [
      'SELECT c.country, SUM(c.email) AS contact FROM customers c GROUP BY c.customer_id',
      'SELECT country, AVG(email) AS contact FROM customers GROUP BY country, customer_id',
      'SELECT c.country, TOTAL(c.email) + 0 AS contact FROM customers c JOIN customers d ON d.country = c.country GROUP BY c.customer_id',
      'SELECT customer_id, SUM(email) AS contact FROM customers GROUP BY 1',
      'SELECT c.customer_id AS id, AVG(c.email) AS contact FROM customers c GROUP BY id',
    ];
    const manyRowGroups = [
      'SELECT country, SUM(email) AS contact FROM customers GROUP BY country',
      'SELECT d.country, AVG(c.email) AS contact FROM customers c JOIN customers d ON d.country = c.country GROUP BY d.customer_id',
      'SELECT c.country, COUNT(c.email) AS contact FROM customers c GROUP BY c.customer_id',
      'SELECT country, customer_id, SUM(email) AS contact FROM customers GROUP BY 1',
      'SELECT c.customer_id AS country, SUM(c.email) AS contact FROM customers c GROUP BY country',
    ];
    expect(oneRowGroups.filter((sql) => !republishes(sql))).toEqual([]);
    expect(manyRowGroups.filter((sql) => republishes(sql))).toEqual([]);
  });

  it('counts an aggregate of a classified field as republished where each group is one row of its table by a field its contract makes unique', () => {
    const republishesWithUniquePassport = (sql: string, earlierSteps: Transformation[] = []) => {
      const mesh = publishing(sql, earlierSteps);
      contract(mesh, 'customers').schema[0]?.properties.push(aProperty('passport_no', 'string', { unique: true }));
      return findingsOf('pii-propagation', mesh).some((finding) => finding.severity === 'error');
    };
    const oneRowGroups = [
      'SELECT MIN(country) AS country, AVG(julianday(email)) AS contact FROM customers GROUP BY passport_no',
      'SELECT c.country, SUM(c.email) OVER (PARTITION BY c.passport_no) AS contact FROM customers c',
      "SELECT MIN(country) AS country, AVG(email) AS contact FROM customers WHERE passport_no = 'X1'",
    ];
    const manyRowGroups = [
      'SELECT MIN(d.country) AS country, AVG(c.email) AS contact FROM customers c JOIN customers d ON d.country = c.country GROUP BY d.passport_no',
      'SELECT MIN(country) AS country, AVG(email) AS contact FROM customers GROUP BY lower(passport_no)',
    ];
    expect(oneRowGroups.filter((sql) => !republishesWithUniquePassport(sql))).toEqual([]);
    expect(manyRowGroups.filter((sql) => republishesWithUniquePassport(sql))).toEqual([]);
    const averagePerPassport = 'SELECT MIN(country) AS country, AVG(a) AS contact FROM step GROUP BY passport';
    const step = (sql: string) => [{ name: 'step', sql }];
    expect(
      republishesWithUniquePassport(
        averagePerPassport,
        step('SELECT passport_no AS passport, country, email AS a FROM customers'),
      ),
    ).toBe(true);
    expect(
      republishesWithUniquePassport(
        averagePerPassport,
        step(
          'SELECT c.passport_no AS passport, c.country, c.email AS a FROM customers c JOIN customers d ON d.country = c.country',
        ),
      ),
    ).toBe(false);
  });

  it('counts an aggregate as republished where its group holds one value: grouped by its own argument, or by the key a step keeps', () => {
    const throughStep = (step: string, sql: string) => republishes(sql, [{ name: 'step', sql: step }]);
    const averagePerCustomer = 'SELECT customer_id AS country, AVG(a) AS contact FROM step GROUP BY customer_id';
    expect(republishes('SELECT MIN(country) AS country, AVG(email) AS contact FROM customers GROUP BY email')).toBe(
      true,
    );
    expect(republishes('SELECT country, SUM(email) OVER (PARTITION BY email) AS contact FROM customers')).toBe(true);
    expect(throughStep('SELECT customer_id, email AS a FROM customers', averagePerCustomer)).toBe(true);
    expect(
      throughStep(
        'SELECT c.customer_id AS id, c.email AS a FROM customers c',
        averagePerCustomer.replaceAll('customer_id', 'id'),
      ),
    ).toBe(true);
    expect(
      throughStep(
        'SELECT c.customer_id, c.email AS a FROM customers c JOIN customers d ON d.country = c.country',
        averagePerCustomer,
      ),
    ).toBe(false);
    expect(
      throughStep(
        'SELECT customer_id, email AS a FROM customers UNION ALL SELECT customer_id, country FROM customers',
        averagePerCustomer,
      ),
    ).toBe(false);
    expect(throughStep('SELECT country AS customer_id, email AS a FROM customers', averagePerCustomer)).toBe(false);
  });

  it("counts a window sum or average of a classified field as republished where each partition is one row of its table, or the frame the current row alone (named windows followed; RANGE taking the row's peers)", () => {
    const oneRowWindows = [
      'SELECT c.country, SUM(c.email) OVER (PARTITION BY c.customer_id) AS contact FROM customers c',
      'SELECT country, AVG(email) OVER (PARTITION BY country, customer_id ORDER BY country) AS contact FROM customers',
      'SELECT country, TOTAL(email) OVER (PARTITION BY country ORDER BY customer_id ROWS BETWEEN CURRENT ROW AND CURRENT ROW) AS contact FROM customers',
      'SELECT country, TOTAL(email) OVER (ORDER BY customer_id RANGE BETWEEN CURRENT ROW AND CURRENT ROW) AS contact FROM customers',
      'SELECT country, SUM(email) OVER w AS contact FROM customers WINDOW w AS (PARTITION BY customer_id)',
      'SELECT country, SUM(email) OVER (w) AS contact FROM customers WINDOW v AS (ORDER BY country), w AS (PARTITION BY customer_id)',
    ];
    const manyRowWindows = [
      'SELECT country, SUM(email) OVER (PARTITION BY country) AS contact FROM customers',
      'SELECT country, AVG(email) OVER () AS contact FROM customers',
      'SELECT country, TOTAL(email) OVER (ORDER BY country RANGE BETWEEN CURRENT ROW AND CURRENT ROW) AS contact FROM customers',
      'SELECT country, TOTAL(email) OVER (ORDER BY customer_id RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS contact FROM customers',
      'SELECT country, SUM(email) OVER w AS contact FROM customers WINDOW w AS (PARTITION BY country)',
    ];
    expect(oneRowWindows.filter((sql) => !republishes(sql))).toEqual([]);
    expect(manyRowWindows.filter((sql) => republishes(sql))).toEqual([]);
  });

  it('counts an aggregate as republished where WHERE pins the key to one value: one row, so the aggregate is its value', () => {
    const averaged = (where: string) => `SELECT 7 AS country, AVG(email) AS contact FROM customers WHERE ${where}`;
    const oneRow = ['customer_id = 7', "country = 'NL' AND 7 = customer_id", 'customer_id == (3 + 4)'];
    const manyRows = ['customer_id > 7', "country = 'NL'", 'customer_id = 7 OR country = 1', 'customer_id = country'];
    expect(oneRow.filter((where) => !republishes(averaged(where)))).toEqual([]);
    expect(manyRows.filter((where) => republishes(averaged(where)))).toEqual([]);
    const correlated = (where: string) =>
      `SELECT c.country, (SELECT AVG(d.email) FROM customers d WHERE ${where}) AS contact FROM customers c`;
    expect(republishes(correlated('d.customer_id = c.customer_id'))).toBe(true);
    expect(republishes(correlated('d.country = c.country'))).toBe(false);
    expect(republishes(correlated('d.customer_id = d.country'))).toBe(false);
  });

  it('counts an aggregate as republished where WHERE pins the key by IN one value, BETWEEN equal ends or a scalar subquery, with or without GROUP BY', () => {
    const averaged = (where: string) => `SELECT 7 AS country, AVG(email) AS contact FROM customers WHERE ${where}`;
    const oneRow = [
      'customer_id IN (7)',
      'customer_id BETWEEN 7 AND 7',
      "customer_id BETWEEN 7 AND 7 AND country = 'NL'",
      'customer_id = (SELECT MAX(customer_id) FROM customers)',
      '(SELECT MIN(d.customer_id) FROM customers d) = customer_id',
    ];
    const manyRows = [
      'customer_id IN (7, 8)',
      'customer_id NOT IN (7)',
      'customer_id IN (SELECT customer_id FROM customers)',
      'customer_id BETWEEN 7 AND 8',
      "customer_id BETWEEN 'a' AND 'b'",
      'customer_id NOT BETWEEN 7 AND 7',
    ];
    expect(misreadForms(averaged, oneRow, manyRows)).toEqual({ oneRow: [], manyRows: [] });
    expect(
      republishes('SELECT country, SUM(email) AS contact FROM customers WHERE customer_id IN (7) GROUP BY country'),
    ).toBe(true);
    const perCountry =
      'SELECT 7 AS country, AVG(c.email) AS contact FROM customers c WHERE c.customer_id = (SELECT MAX(d.customer_id) FROM customers d WHERE d.country = c.country)';
    expect(republishes(perCountry)).toBe(false);
  });

  it('counts an aggregate as republished where its own FILTER or CASE guard pins the key: it reads one row of each group', () => {
    const grouped = (aggregate: string) => `SELECT country, ${aggregate} AS contact FROM customers GROUP BY country`;
    const oneRow = [
      'AVG(email) FILTER (WHERE customer_id = 7)',
      'TOTAL(email) FILTER (WHERE customer_id IN (7))',
      "SUM(email) FILTER (WHERE customer_id BETWEEN 7 AND 7 AND country <> 'NL')",
      'SUM(CASE WHEN customer_id = 7 THEN email END)',
      'AVG(CASE WHEN 7 = customer_id THEN email ELSE NULL END)',
      'SUM(email) FILTER (WHERE customer_id = 7) OVER (PARTITION BY country)',
    ];
    const manyRows = [
      'AVG(email) FILTER (WHERE customer_id > 7)',
      "SUM(email) FILTER (WHERE customer_id = 7 OR country = 'NL')",
      'AVG(CASE WHEN customer_id > 7 THEN email END)',
      "SUM(CASE WHEN customer_id = 7 THEN email WHEN country = 'NL' THEN email END)",
      'AVG(CASE WHEN customer_id = 7 THEN email ELSE 0 END)',
    ];
    expect(misreadForms(grouped, oneRow, manyRows)).toEqual({ oneRow: [], manyRows: [] });
  });

  it('counts an aggregate over a step or CTE of LIMIT 1 as republished: one row, so the aggregate is its value', () => {
    const averaged = 'SELECT 7 AS country, AVG(a) AS contact FROM step';
    expect(republishes(averaged, [{ name: 'step', sql: 'SELECT email AS a FROM customers LIMIT 1' }])).toBe(true);
    expect(
      republishes(
        'WITH one AS (SELECT email AS a FROM customers LIMIT 1 OFFSET 3) SELECT 7 AS country, AVG(a) AS contact FROM one',
      ),
    ).toBe(true);
    expect(republishes(averaged, [{ name: 'step', sql: 'SELECT email AS a FROM customers LIMIT 2' }])).toBe(false);
    expect(republishes('SELECT 7 AS country, AVG(email) AS contact FROM customers LIMIT 1')).toBe(false);
  });

  it('reads a column named by schema, table and column (main.customers.email), and reads approximately a column whose qualifier names no table it reads', () => {
    expect(republishes('SELECT country, main.customers.email AS contact FROM main.customers')).toBe(true);
    expect(republishes('SELECT c.country, main.c.email AS contact FROM main.customers c')).toBe(true);
    expect(
      republishes('SELECT country, contact FROM (SELECT country, main.customers.email AS contact FROM customers)'),
    ).toBe(true);
    const unresolved = (sql: string) =>
      findingsOf('pii-propagation', publishing(sql)).map(({ severity, message }) => [severity, message]);
    expect(unresolved('SELECT country, x.email AS contact FROM customers c')).toEqual([
      [
        'warning',
        "pii-propagation could not follow transformation 'country_counts' of 'Revenue': its SQL is read approximately (it names 'x.email', and no table it reads is called 'x'), so a classified field it republishes under another name goes unreported.",
      ],
    ]);
    expect(
      unresolved('SELECT country, a.main.customers.email AS contact FROM customers').map(([severity]) => severity),
    ).toEqual(['warning']);
  });

  it('reads a string literal after a column as its alias, as SQLite does', () => {
    expect(republishes("SELECT country, email 'contact' FROM customers")).toBe(true);
  });

  it('reads GROUP BY a concatenation of columns as a GROUP BY of those columns, named, by position or by alias', () => {
    // sql.js groups `customer_id || country` one customer to a group, as `customer_id, country` does.
    const oneRowGroups = [
      'SELECT MIN(country) AS country, AVG(email) AS contact FROM customers GROUP BY customer_id || country',
      "SELECT MIN(country) AS country, AVG(email) AS contact FROM customers GROUP BY country || '-' || (customer_id)",
      "SELECT MIN(country) AS country, AVG(email) AS contact FROM customers GROUP BY 'k' || email",
      'SELECT customer_id || country AS country, SUM(email) AS contact FROM customers GROUP BY 1',
      'SELECT customer_id || country AS k, MIN(country) AS country, SUM(email) AS contact FROM customers GROUP BY k',
      'SELECT country, SUM(email) OVER (PARTITION BY country || customer_id) AS contact FROM customers',
    ];
    const manyRowGroups = [
      "SELECT MIN(country) AS country, AVG(email) AS contact FROM customers GROUP BY country || '-' || lower(country)",
      'SELECT country || country AS country, SUM(email) AS contact FROM customers GROUP BY 1',
    ];
    expect(misreadForms((sql) => sql, oneRowGroups, manyRowGroups)).toEqual({ oneRow: [], manyRows: [] });
  });

  it('keeps a copy of the group key a copy, and a value computed from it derived, under GROUP BY a concatenation', () => {
    const severities = (sql: string) =>
      findingsOf('pii-propagation', publishing(sql)).map((finding) => finding.severity);
    expect(
      severities('SELECT country || email AS contact, COUNT(*) AS customers FROM customers GROUP BY country || email'),
    ).toEqual(['error']);
    expect(
      severities(
        'SELECT country, COUNT(*) AS customers, length(email) AS contact FROM customers GROUP BY country || email',
      ),
    ).toEqual(['warning']);
  });

  it('counts one-row frames however written, FILTER, and grouping by an injective wrapper of a column as republishing', () => {
    const oneRow = {
      'a frame of 0 PRECEDING AND 0 FOLLOWING':
        'SELECT country, SUM(email) OVER (ORDER BY customer_id ROWS BETWEEN 0 PRECEDING AND 0 FOLLOWING) AS contact FROM customers',
      'a frame of CURRENT ROW AND 0 FOLLOWING':
        'SELECT country, SUM(email) OVER (ORDER BY customer_id DESC ROWS BETWEEN CURRENT ROW AND 0 FOLLOWING) AS contact FROM customers',
      'a frame of 1 PRECEDING AND 1 PRECEDING':
        'SELECT country, SUM(email) OVER (ORDER BY customer_id ROWS BETWEEN 1 PRECEDING AND 1 PRECEDING) AS contact FROM customers',
      'a frame of 2 FOLLOWING AND 2 FOLLOWING':
        'SELECT country, AVG(email) OVER (ORDER BY customer_id ROWS BETWEEN 2 FOLLOWING AND 2 FOLLOWING) AS contact FROM customers',
      'an aggregate with FILTER':
        'SELECT customer_id AS country, SUM(email) FILTER (WHERE 1) AS contact FROM customers GROUP BY customer_id',
      'GROUP BY the key plus a constant':
        'SELECT MIN(country) AS country, TOTAL(email) AS contact FROM customers GROUP BY customer_id + 0',
      'GROUP BY the key cast to text':
        'SELECT MIN(country) AS country, AVG(email) AS contact FROM customers GROUP BY CAST(customer_id AS TEXT)',
      'GROUP BY the field cast to text':
        'SELECT MIN(country) AS country, AVG(email) AS contact FROM customers GROUP BY CAST(email AS TEXT)',
      'PARTITION BY the key times a constant':
        'SELECT country, SUM(email) OVER (PARTITION BY customer_id * 1) AS contact FROM customers',
      "GROUP BY the key joined to ''":
        "SELECT MIN(country) AS country, AVG(email) AS contact FROM customers GROUP BY customer_id || ''",
      "GROUP BY '' joined to the key":
        "SELECT MIN(country) AS country, AVG(email) AS contact FROM customers GROUP BY '' || customer_id",
      'HAVING COUNT(*) = 1':
        'SELECT country, AVG(email) AS contact FROM customers GROUP BY country HAVING COUNT(*) = 1',
      'HAVING COUNT(*) < 2':
        'SELECT country, SUM(email) AS contact FROM customers GROUP BY country HAVING COUNT(*) < 2',
      'HAVING 1 >= COUNT(email)':
        'SELECT country, SUM(email) AS contact FROM customers GROUP BY country HAVING 1 >= COUNT(email)',
      'HAVING COUNT(*) <= 1 AND a condition':
        "SELECT country, SUM(email) AS contact FROM customers GROUP BY country HAVING COUNT(*) <= 1 AND country <> 'FR'",
    };
    const manyRows = {
      'a frame of 1 PRECEDING AND 0 FOLLOWING':
        'SELECT country, SUM(email) OVER (ORDER BY customer_id ROWS BETWEEN 1 PRECEDING AND 0 FOLLOWING) AS contact FROM customers',
      'GROUP BY the key times 0':
        'SELECT MIN(country) AS country, TOTAL(email) AS contact FROM customers GROUP BY customer_id * 0',
      'GROUP BY the key divided':
        'SELECT MIN(country) AS country, TOTAL(email) AS contact FROM customers GROUP BY customer_id / 10',
      'PARTITION BY the country plus a constant':
        'SELECT country, SUM(email) OVER (PARTITION BY country + 0) AS contact FROM customers',
      "GROUP BY a part of the key joined to ''":
        "SELECT MIN(country) AS country, AVG(email) AS contact FROM customers GROUP BY substr(customer_id, 1, 1) || ''",
      'HAVING COUNT(*) > 1':
        'SELECT country, AVG(email) AS contact FROM customers GROUP BY country HAVING COUNT(*) > 1',
      'HAVING COUNT(*) = 1 OR a condition':
        "SELECT country, AVG(email) AS contact FROM customers GROUP BY country HAVING COUNT(*) = 1 OR country = 'FR'",
      'HAVING COUNT(*) <= 2':
        'SELECT country, AVG(email) AS contact FROM customers GROUP BY country HAVING COUNT(*) <= 2',
    };
    expect(
      Object.entries(oneRow)
        .filter(([, sql]) => !republishes(sql))
        .map(([form]) => form),
    ).toEqual([]);
    expect(
      Object.entries(manyRows)
        .filter(([, sql]) => republishes(sql))
        .map(([form]) => form),
    ).toEqual([]);
  });

  it('reads HAVING group sizes however written: brackets, IN one value, BETWEEN, NOT, SUM(1), one distinct key', () => {
    const having = (condition: string) =>
      `SELECT country, AVG(email) AS contact FROM customers GROUP BY country HAVING ${condition}`;
    const oneRow = [
      '(COUNT(*) = 1)',
      "((COUNT(*) = 1) AND country <> 'FR')",
      'COUNT(*) IN (1)',
      'COUNT(*) BETWEEN 1 AND 1',
      "COUNT(*) BETWEEN 0 AND 1 AND country <> 'FR'",
      'NOT COUNT(*) > 1',
      'NOT (COUNT(*) >= 2)',
      'SUM(1) = 1',
      '1 = TOTAL(1)',
      'MIN(customer_id) = MAX(customer_id)',
      'COUNT(DISTINCT customer_id) = 1',
    ];
    const manyRows = [
      'COUNT(*) IN (1, 2)',
      'COUNT(*) BETWEEN 1 AND 2',
      'NOT COUNT(*) = 1',
      'SUM(2) = 2',
      'MIN(country) = MAX(country)',
      'MIN(customer_id) < MAX(customer_id)',
      'COUNT(DISTINCT country) = 1',
      "(COUNT(*) = 1 OR country = 'FR')",
    ];
    expect(misreadForms(having, oneRow, manyRows)).toEqual({ oneRow: [], manyRows: [] });
  });

  it('warns where HAVING counts the rows of a group in a form it cannot read: the group size could not be told', () => {
    const severities = (condition: string) =>
      findingsOf(
        'pii-propagation',
        publishing(`SELECT country, AVG(email) AS contact FROM customers GROUP BY country HAVING ${condition}`),
      ).map(({ severity, message }) => [severity, message]);
    expect(severities('COUNT(*) * 2 = 2')).toEqual([
      [
        'warning',
        "pii-propagation could not follow transformation 'country_counts' of 'Revenue': its SQL is read approximately (its HAVING counts the rows of a group in a form this reading does not follow, so the group size could not be told), so a classified field it republishes under another name goes unreported.",
      ],
    ]);
    expect(severities('COUNT(*) - 1 = 0').map(([severity]) => severity)).toEqual(['warning']);
    expect(severities('COUNT(*) > 1')).toEqual([]);
  });

  it('warns of a difference of aggregates that leaves out one row: derived from the field they sum', () => {
    expect(
      findingsOf(
        'pii-propagation',
        publishing(
          'SELECT c.customer_id, (SELECT SUM(email) FROM customers) - (SELECT SUM(x.email) FROM customers x WHERE x.customer_id <> c.customer_id) AS contact FROM customers c',
        ),
      ).map(({ severity, message }) => ({ severity, message })),
    ).toEqual([
      {
        severity: 'warning',
        message:
          "'Revenue' publishes 'contact' of 'counts', derived row by row from 'email', classified 'pii' in its input 'customers' (a CASE, a comparison or a function of it), but its contract 'Country counts' does not classify it.",
      },
    ]);
  });

  it('reports a design ranking public above another classification, and never takes a public copy to keep a sensitive field', () => {
    const ranking = (classificationLevels: string[]) =>
      changed((mesh) => {
        republishEmail(mesh);
        Object.assign(contract(mesh, 'customers').schema[0]?.properties[1] ?? {}, { classification: 'restricted' });
        Object.assign(contract(mesh, 'country-counts').schema[0]?.properties[3] ?? {}, { classification: 'public' });
        mesh.policies.classificationLevels = classificationLevels;
      });
    const publicLast = ranking(['restricted', 'public']);
    expect(
      findingsOf('policy-entries', publicLast).map(({ severity, path, message }) => ({ severity, path, message })),
    ).toEqual([
      {
        severity: 'error',
        path: 'policies.classificationLevels',
        message:
          "The policies rank 'public' above 'restricted', but public data is never sensitive: 'public' must come first.",
      },
    ]);
    expect(findingsOf('pii-propagation', publicLast)).toHaveLength(1);
    expect(
      findingsOf('policy-entries', ranking(['internal', 'confidential', 'public'])).map(({ message }) => message),
    ).toEqual([
      "The policies rank 'public' above 'internal' and 'confidential', but public data is never sensitive: 'public' must come first.",
    ]);
    expect(findingsOf('policy-entries', ranking(['public', 'restricted']))).toEqual([]);
  });

  it('warns where a design ranks the common words against their order, naming each inverted pair', () => {
    const ranking = (classificationLevels: string[]) =>
      changed((mesh) => {
        mesh.policies.classificationLevels = classificationLevels;
      });
    const launders = ranking(['public', 'restricted', 'internal']);
    expect(
      findingsOf('policy-entries', launders).map(({ severity, path, message }) => ({ severity, path, message })),
    ).toEqual([
      {
        severity: 'warning',
        path: 'policies.classificationLevels',
        message:
          "The policies rank 'restricted' below 'internal', against the common order (public, internal, confidential, restricted): a copy of restricted data could be classified 'internal'.",
      },
    ]);
    expect(
      findingsOf('policy-entries', ranking(['Confidential', 'secret', 'internal'])).map((finding) => finding.message),
    ).toEqual([
      "The policies rank 'Confidential' below 'internal', against the common order (public, internal, confidential, restricted): a copy of Confidential data could be classified 'internal'.",
    ]);
    expect(findingsOf('policy-entries', ranking(['public', 'internal', 'secret', 'restricted', 'top']))).toEqual([]);
  });

  it('reports a design ranking a classification twice, whose later, stricter place a copy would otherwise pass unseen', () => {
    const ranking = (classificationLevels: string[]) =>
      changed((mesh) => {
        republishEmail(mesh);
        Object.assign(contract(mesh, 'country-counts').schema[0]?.properties[3] ?? {}, { classification: 'internal' });
        mesh.policies.classificationLevels = classificationLevels;
      });
    const twice = ranking(['public', 'pii', 'internal', 'PII', 'restricted']);
    expect(
      findingsOf('policy-entries', twice).map(({ severity, path, message }) => ({ severity, path, message })),
    ).toEqual([
      {
        severity: 'error',
        path: 'policies.classificationLevels',
        message:
          "The policies rank 'PII' twice (first as 'pii'), so only its first place counts: a copy of PII data could be classified 'internal'.",
      },
    ]);
    expect(findingsOf('policy-entries', ranking(['public', 'internal', 'pii', 'restricted']))).toEqual([]);
  });

  it('takes a classification written in other capitals for the same one, and a different one for a finding', () => {
    const classifiedAs = (classification: string) =>
      changed((mesh) => {
        republishEmail(mesh);
        Object.assign(contract(mesh, 'country-counts').schema[0]?.properties[3] ?? {}, { classification });
      });
    expect(findingsOf('pii-propagation', classifiedAs('PII'))).toEqual([]);
    expect(findingsOf('pii-propagation', classifiedAs('public')).map((finding) => finding.message)).toEqual([
      "'Revenue' republishes 'email', classified 'pii' in its input 'customers', as 'contact' of 'counts', but its contract 'Country counts' classifies it 'public' instead.",
    ]);
    expect(findingsOf('pii-propagation', classifiedAs('pii\u200b')).map((finding) => finding.message)).toEqual([
      "'Revenue' republishes 'email', classified 'pii' in its input 'customers', as 'contact' of 'counts', but its contract 'Country counts' classifies it 'pii\\u200b' instead.",
    ]);
  });

  it('quotes a classification written with spaces around it wherever a message names it', () => {
    const finding = findingsOf(
      'pii-propagation',
      changed((mesh) => {
        republishEmail(mesh);
        Object.assign(contract(mesh, 'customers').schema[0]?.properties[1] ?? {}, { classification: ' internal' });
        Object.assign(contract(mesh, 'country-counts').schema[0]?.properties[3] ?? {}, { classification: 'public ' });
      }),
    );
    expect(finding.map(({ message, fixHint }) => ({ message, fixHint }))).toEqual([
      {
        message:
          "'Revenue' republishes 'email', classified ' internal' in its input 'customers', as 'contact' of 'counts', but its contract 'Country counts' classifies it 'public ' instead.",
        fixHint: "Classify 'contact' of 'counts' as 'internal' in contract 'Country counts', or stop republishing it.",
      },
    ]);
  });

  it('asks nothing of a field classified public, nor of an output classifying a field more strictly', () => {
    const republished = (input: string, output?: string) =>
      findingsOf(
        'pii-propagation',
        changed((mesh) => {
          republishEmail(mesh);
          Object.assign(contract(mesh, 'customers').schema[0]?.properties[1] ?? {}, { classification: input });
          if (output)
            Object.assign(contract(mesh, 'country-counts').schema[0]?.properties[3] ?? {}, { classification: output });
        }),
      ).map((finding) => finding.message.replace(/^.* but its contract 'Country counts' /, ''));
    expect(republished('public')).toEqual([]);
    expect(republished('Public', 'internal')).toEqual([]);
    expect(republished('internal', 'confidential')).toEqual([]);
    expect(republished('confidential', 'restricted')).toEqual([]);
    expect(republished('internal')).toEqual(['does not classify it.']);
    expect(republished('restricted', 'confidential')).toEqual(["classifies it 'confidential' instead."]);
    expect(republished('restricted', 'public')).toEqual(["classifies it 'public' instead."]);
  });

  it('keeps a classification it does not rank (a custom one) only under the same name', () => {
    const republished = (input: string, output: string) =>
      findingsOf(
        'pii-propagation',
        changed((mesh) => {
          republishEmail(mesh);
          Object.assign(contract(mesh, 'customers').schema[0]?.properties[1] ?? {}, { classification: input });
          Object.assign(contract(mesh, 'country-counts').schema[0]?.properties[3] ?? {}, { classification: output });
        }),
      ).length;
    expect(republished('pii', 'PII')).toBe(0);
    expect(republished('pii', 'confidential')).toBe(1);
    expect(republished('pii', 'phi')).toBe(1);
    expect(republished('restricted', 'pii')).toBe(1);
  });

  it("ranks classification words in the order the design's policies declare, and keeps an unranked one only under the same name", () => {
    const republished = (input: string, output: string, classificationLevels?: string[]) =>
      findingsOf(
        'pii-propagation',
        changed((mesh) => {
          republishEmail(mesh);
          if (classificationLevels) mesh.policies.classificationLevels = classificationLevels;
          Object.assign(contract(mesh, 'customers').schema[0]?.properties[1] ?? {}, { classification: input });
          Object.assign(contract(mesh, 'country-counts').schema[0]?.properties[3] ?? {}, { classification: output });
        }),
      ).length;
    const levels = ['public', 'internal', 'confidential', 'Restricted', 'secret'];
    expect(republished('restricted', 'secret')).toBe(1);
    expect(republished('restricted', 'SECRET', levels)).toBe(0);
    expect(republished('confidential', 'secret', levels)).toBe(0);
    expect(republished('secret', 'restricted', levels)).toBe(1);
    expect(republished('restricted', 'highly-confidential', levels)).toBe(1);
    expect(republished('restricted', 'internal', levels)).toBe(1);
    expect(republished('public', 'internal', levels)).toBe(0);
  });

  it('warns, in contract-semantics, at its path, of a plain value of a contract that PyYAML reads otherwise, and only informs of y', () => {
    const findings = findingsOf(
      'contract-semantics',
      changed((mesh) => {
        const customers = contract(mesh, 'customers');
        customers.odcs = customers.odcs.replace('status: ', 'tags: [y, on]\nstatus: ');
      }),
    ).map(({ path, message, severity }) => ({ path, message, severity }));
    expect(findings).toEqual([
      {
        path: expect.stringMatching(/^contracts\[\d+\]\.tags\[0\]$/),
        message: expect.stringMatching(
          /^Contract '[^']*': the YAML 1.1 spec and readers that follow it whole, such as Go's yaml.v2, read `y` as the boolean true; PyYAML and SnakeYAML read text: write "y".$/,
        ),
        severity: 'info',
      },
      {
        path: expect.stringMatching(/^contracts\[\d+\]\.tags\[1\]$/),
        message: expect.stringMatching(
          /^Contract '[^']*': PyYAML and SnakeYAML read `on` as the boolean true: write "on".$/,
        ),
        severity: 'warning',
      },
    ]);
  });

  it("places a contract's value that PyYAML reads otherwise at its path in the contract's model, where its text has it", () => {
    const stock = aContract('stock', {
      schema: [
        anObject('stock', [
          aKey('id'),
          aProperty('in_stock', 'string', {
            enum: ['yes', 'no'],
            quality: [{ type: 'sql', query: 'select 1', mustBe: 0 }],
          }),
        ]),
      ],
    });
    stock.odcs = stock.odcs
      .replace('- "yes"', '- yes')
      .replace('- "no"', '- no')
      .replace('- type: sql', '- name: on\n            type: sql');
    const mesh = changed((mesh) => mesh.contracts.push(stock));
    const placed = findingsOf('contract-semantics', mesh)
      .filter(({ element }) => element.kind === 'contract' && element.contractId === 'stock')
      .map(({ path }) => ({ path, text: contractTextPlaceOf(mesh.contracts, path) }));
    const property = `contracts[${mesh.contracts.length - 1}].schema[0].properties[1]`;
    // The allowed values read from the invalidValues rule are the model's enum; the rule after it is its quality[0].
    expect(placed).toEqual([
      { path: `${property}.enum[0]`, text: { line: 21, column: 19 } },
      { path: `${property}.enum[1]`, text: { line: 22, column: 19 } },
      { path: `${property}.quality[0].name`, text: { line: 24, column: 19 } },
    ]);
  });

  it("warns of a classification a slip from one of the design's classification words, in contract-semantics", () => {
    const misspelt = (classification: string, classificationLevels?: string[]) =>
      findingsOf(
        'contract-semantics',
        changed((mesh) => {
          if (classificationLevels) mesh.policies.classificationLevels = classificationLevels;
          Object.assign(contract(mesh, 'customers').schema[0]?.properties[1] ?? {}, { classification });
        }),
      ).map((finding) => finding.message.replace(/^Contract '[^']*': /, ''));
    expect(misspelt('confidental')).toEqual([
      "classification 'confidental' is not one of the known classifications: did you mean 'confidential'?",
    ]);
    expect(misspelt('secrt')).toEqual([]);
    expect(misspelt('secrt', ['open', 'secret'])).toEqual([
      "classification 'secrt' is not one of the known classifications: did you mean 'secret'?",
    ]);
  });

  it('offers to classify a copy as its source is, whether the copy is unclassified or classified less strictly', () => {
    const fixOf = (output?: string) =>
      findingsOf(
        'pii-propagation',
        changed((mesh) => {
          republishEmail(mesh);
          if (output)
            Object.assign(contract(mesh, 'country-counts').schema[0]?.properties[3] ?? {}, { classification: output });
        }),
      ).map((finding) => finding.fix);
    const classifyAsPii = {
      kind: 'classify-field',
      contractId: 'country-counts',
      object: 'country_counts',
      field: 'contact',
      classification: 'pii',
    };
    expect(fixOf()).toEqual([classifyAsPii]);
    expect(fixOf('public')).toEqual([classifyAsPii]);
    expect(fixOf('highly-confidential')).toEqual([classifyAsPii]);
  });

  it('offers the word of a source classified with spaces around it without them, as the copy would be warned of them', () => {
    const [finding] = findingsOf(
      'pii-propagation',
      changed((mesh) => {
        republishEmail(mesh);
        const email = contract(mesh, 'customers').schema[0]?.properties.find((property) => property.name === 'email');
        Object.assign(email ?? {}, { classification: ' pii ' });
      }),
    );
    expect(finding?.fix).toMatchObject({ kind: 'classify-field', field: 'contact', classification: 'pii' });
    expect(finding?.fixHint).toBe(
      "Classify 'contact' of 'counts' as 'pii' in contract 'Country counts', or stop republishing it.",
    );
  });

  it('follows classified fields nested at any depth in an object or array column copied whole', () => {
    const nested = (...properties: Array<Record<string, unknown>>) => ({ extensions: { properties } });
    const publishingAddress = (street: Record<string, unknown>, visitSite: Record<string, unknown>) =>
      changed((mesh) => {
        contract(mesh, 'customers').schema[0]?.properties.push(
          aProperty('address', 'object', nested({ name: 'street', classification: 'restricted' }, { name: 'city' })),
          aProperty('visits', 'array', {
            extensions: { items: { logicalType: 'object', properties: [{ name: 'site', classification: 'pii' }] } },
          }),
        );
        product(mesh, 'revenue').transformations = [
          { name: 'country_counts', sql: 'SELECT c.country, c.address AS home, c.visits FROM customers c' },
        ];
        contract(mesh, 'country-counts').schema[0]?.properties.push(
          aProperty('home', 'object', nested({ name: 'city' }, { name: 'street', ...street })),
          aProperty('visits', 'array', {
            extensions: { items: { logicalType: 'object', properties: [{ name: 'site', ...visitSite }] } },
          }),
        );
      });
    const findings = findingsOf('pii-propagation', publishingAddress({}, { classification: 'public' }));
    expect(findings.map((finding) => [finding.message, finding.path])).toEqual([
      [
        "'Revenue' republishes 'address.street', classified 'restricted' in its input 'customers', as 'home.street' of 'counts', but its contract 'Country counts' does not classify it.",
        'contracts[1].schema[0].properties[2].properties[1]',
      ],
      [
        "'Revenue' republishes 'visits[].site', classified 'pii' in its input 'customers', as 'visits[].site' of 'counts', but its contract 'Country counts' classifies it 'public' instead.",
        'contracts[1].schema[0].properties[3].items.properties[0]',
      ],
    ]);
    expect(
      findingsOf('pii-propagation', publishingAddress({ classification: 'restricted' }, { classification: 'PII' })),
    ).toEqual([]);
  });

  it('counts a classified field cast to another type as republishing it', () => {
    const mesh = changed((mesh) => {
      republishEmail(mesh);
      (product(mesh, 'revenue').transformations[0] as { sql: string }).sql =
        'SELECT c.country, COUNT(*) AS customers, COUNT(DISTINCT c.email) AS sample, CAST(c.email AS TEXT) AS contact FROM customers c GROUP BY c.country';
    });
    expect(findingsOf('pii-propagation', mesh).map((finding) => finding.path)).toEqual([
      'contracts[1].schema[0].properties[3]',
    ]);
  });

  it('follows a classified field arriving through the second link into one input port', () => {
    expect(findingsOf('pii-propagation', aMeshWithTwoFeedsIntoOnePort()).map((finding) => finding.message)).toEqual([
      "'Revenue' republishes 'phone', classified 'pii' in its input 'customers', as 'contact' of 'counts', but its contract 'Country counts' does not classify it.",
    ]);
  });

  it('follows a field through a passthrough product (same table name, no transformation)', () => {
    const mesh = changed((mesh) => {
      mesh.products.push(
        aProduct('mirror', 'analytics', {
          name: 'Mirror',
          owner: 'x',
          inputPorts: [aPort('in', 'input')],
          outputPorts: [aPort('out', 'output', { contractId: 'mirror' })],
        }),
      );
      mesh.contracts.push(aContract('mirror', { schema: [{ name: 'customers', properties: [aProperty('email')] }] }));
      linked(mesh, 'to-mirror', ['customers', 'out'], ['mirror', 'in']);
    });
    expect(findingsOf('pii-propagation', mesh).map((finding) => finding.path)).toEqual([
      'contracts[2].schema[0].properties[0]',
    ]);
  });

  it('checks every schema object of an output contract that a transformation fills, not only the first', () => {
    const mesh = changed((mesh) => {
      product(mesh, 'revenue').transformations.push({
        name: 'leak',
        sql: 'SELECT customer_id, email AS x FROM customers',
      });
      contract(mesh, 'country-counts').schema.push(anObject('leak', [aKey('customer_id'), aProperty('x')]));
    });
    const findings = findingsOf('pii-propagation', mesh);
    expect(findings.map(({ path, message, element }) => ({ path, message, element }))).toEqual([
      {
        path: 'contracts[1].schema[1].properties[1]',
        message:
          "'Revenue' republishes 'email', classified 'pii' in its input 'customers', as 'x' of 'counts', but its contract 'Country counts' does not classify it.",
        element: { kind: 'field', contractId: 'country-counts', object: 'leak', field: 'x' },
      },
    ]);
    expect(findings[0]?.fix).toMatchObject({ object: 'leak', field: 'x' });
  });

  it('warns, matching names, of a field a product without SQL publishes less strictly than an input field of that name', () => {
    const sketched = (email: Partial<ContractProperty>) =>
      changed((mesh) => {
        product(mesh, 'revenue').transformations = [];
        contract(mesh, 'country-counts').schema[0]?.properties.push(aProperty('email', 'string', email));
      });
    const findings = findingsOf('pii-propagation', sketched({ classification: 'public' }));
    expect(findings.map(({ severity, path, message }) => ({ severity, path, message }))).toEqual([
      {
        severity: 'warning',
        path: 'contracts[1].schema[0].properties[2]',
        message:
          "'Revenue' has no transformations yet, so pii-propagation matched names: 'email' of 'counts' has the name of 'email', classified 'pii' in its input 'customers', but its contract 'Country counts' classifies it 'public' instead.",
      },
    ]);
    expect(findingsOf('pii-propagation', sketched({ classification: 'pii' }))).toEqual([]);
  });

  describe('breaking-changes: a published contract the design stops serving', () => {
    /** The governed mesh with each contract at the status given. */
    const withStatuses = (statuses: Record<string, string>) =>
      changed((mesh) => {
        for (const [id, status] of Object.entries(statuses)) contract(mesh, id).status = status;
      });
    const withoutRevenue = (mesh: Mesh) => withoutElements(mesh, { nodeIds: new Set(['revenue']), linkIds: new Set() });
    const reported = (mesh: Mesh, baseline: Mesh) =>
      findingsOf('breaking-changes', mesh, baseline).map(({ path, element, severity, message }) => ({
        path,
        element,
        severity,
        message,
      }));

    it('reports a product removed with the active contract it served, as the SQL migration drops its tables', () => {
      const baseline = withStatuses({ 'country-counts': 'active' });
      expect(reported(withoutRevenue(baseline), baseline)).toEqual([
        {
          path: 'products',
          element: { kind: 'mesh' },
          severity: 'error',
          message:
            "Data product 'Revenue' removed: it served contract 'Country counts' 1.0.0, active in the baseline, so its consumers lose that data (a breaking change).",
        },
      ]);
    });

    it('reports a product that no longer serves a published contract: its output port removed, or the contract removed', () => {
      const baseline = withStatuses({ customers: 'deprecated' });
      const withoutPort = withProductUpdated(baseline, 'customers', (customers) => ({ ...customers, outputPorts: [] }));
      expect(reported(withoutPort, baseline)).toEqual([
        {
          path: 'products[0]',
          element: { kind: 'product', productId: 'customers' },
          severity: 'error',
          message:
            "Data product 'Customers' no longer serves contract 'Customers' 1.0.0, deprecated in the baseline: no output port names it, so its consumers lose that data (a breaking change).",
        },
      ]);
      const withoutContract = {
        ...baseline,
        contracts: baseline.contracts.filter((candidate) => candidate.id !== 'customers'),
      };
      expect(reported(withoutContract, baseline).map((finding) => finding.message)).toEqual([
        "Data product 'Customers' no longer serves contract 'Customers' 1.0.0, deprecated in the baseline: it was removed from the design, so its consumers lose that data (a breaking change).",
      ]);
    });

    it('asks nothing of a contract withdrawn as a draft or proposal, nor of one retired in the baseline or now', () => {
      for (const status of ['draft', 'proposed', 'retired', ' Draft']) {
        const baseline = withStatuses({ 'country-counts': status });
        expect([status, reported(withoutRevenue(baseline), baseline)]).toEqual([status, []]);
      }
      const baseline = withStatuses({ customers: 'active' });
      const retired = withProductUpdated(withStatuses({ customers: 'retired' }), 'customers', (customers) => ({
        ...customers,
        outputPorts: [],
      }));
      expect(reported(retired, baseline)).toEqual([]);
    });

    it('takes a baseline contract of a status ODCS does not know (a typo, an old word) for published: the safe side', () => {
      for (const status of ['actve', 'development', 'Active']) {
        const baseline = withStatuses({ 'country-counts': status });
        expect([status, reported(withoutRevenue(baseline), baseline).map((finding) => finding.severity)]).toEqual([
          status,
          ['error'],
        ]);
      }
    });
  });

  it('reads the major version of a version written short (2.0, v2) rather than proposing a lower one', () => {
    const versioned = (version: string, isBroken: boolean) =>
      changed((mesh) => {
        contract(mesh, 'customers').version = version;
        if (isBroken) contract(mesh, 'customers').schema[0]?.properties.splice(2, 1);
      });
    const [finding] = findingsOf('breaking-changes', versioned('2.1', true), versioned('2.0', false));
    expect(finding?.message).toMatch(
      /^Contract 'Customers': breaking changes need a new major version: 3\.0\.0 instead of 2\.1 /,
    );
    expect(finding?.fix).toEqual({ kind: 'set-contract-version', contractId: 'customers', version: '3.0.0' });
    expect(findingsOf('breaking-changes', versioned('3.0', true), versioned('2.0', false))).toEqual([]);
    expect(findingsOf('breaking-changes', versioned('v3', true), versioned('v2', false))).toEqual([]);
  });

  it('offers a version for one lowered below the baseline without breaking changes: its own back, or the next minor one', () => {
    const versioned = (version: string, isDescribed: boolean) =>
      changed((mesh) => {
        contract(mesh, 'customers').version = version;
        if (isDescribed) contract(mesh, 'customers').description = 'Customers as the shop knows them.';
      });
    const [undoneBump] = findingsOf('breaking-changes', versioned('1.0.0', false), versioned('2.0.0', false));
    expect(undoneBump?.message).toBe("Contract 'Customers': version 1.0.0 is lower than the previous 2.0.0.");
    expect(undoneBump?.fix).toEqual({ kind: 'set-contract-version', contractId: 'customers', version: '2.0.0' });
    const [describedLower] = findingsOf('breaking-changes', versioned('1.9.0', true), versioned('2.0.0', false));
    expect(describedLower?.fix).toEqual({ kind: 'set-contract-version', contractId: 'customers', version: '2.1.0' });
  });

  it('warns, with no number to set, of breaking changes between versions that are no semantic versions', () => {
    const versioned = (version: string, isBroken: boolean) =>
      changed((mesh) => {
        contract(mesh, 'customers').version = version;
        if (isBroken) contract(mesh, 'customers').schema[0]?.properties.splice(2, 1);
      });
    const findings = findingsOf('breaking-changes', versioned('2024-02', true), versioned('2024-01', false));
    expect(findings).toMatchObject([{ severity: 'warning', path: 'contracts[0].version' }]);
    expect(findings[0]?.message).toMatch(
      /^Contract 'Customers': versions 2024-01 and 2024-02 are no semantic versions/,
    );
    expect(findings[0]).not.toHaveProperty('fix');
    expect(findingsOf('breaking-changes', versioned('2024-02', false), versioned('2024-01', false))).toEqual([]);
  });

  it('lets a pre-release change in a breaking way up to its release, as semver allows', () => {
    const versioned = (version: string, isBroken: boolean) =>
      changed((mesh) => {
        contract(mesh, 'customers').version = version;
        if (isBroken) contract(mesh, 'customers').schema[0]?.properties.splice(2, 1);
      });
    expect(findingsOf('breaking-changes', versioned('2.0.0-rc2', true), versioned('2.0.0-rc1', false))).toEqual([]);
    expect(findingsOf('breaking-changes', versioned('2.0.0', true), versioned('2.0.0-rc1', false))).toEqual([]);
    const [finding] = findingsOf('breaking-changes', versioned('2.0.1', true), versioned('2.0.0', false));
    expect(finding?.fix).toEqual({ kind: 'set-contract-version', contractId: 'customers', version: '3.0.0' });
  });

  it('counts a contract as used only where a link reads what it governs, or a consumer-aligned product serves it', () => {
    const mesh = changed((mesh) => {
      Object.assign(product(mesh, 'revenue'), { kind: 'aggregate' });
      mesh.contracts.push(anEventContract('item-added', { name: 'Item added' }));
      publishItemAdded(mesh, 'item-added');
    });
    expect(findingsOf('unused-contracts', mesh).map((finding) => finding.message)).toEqual([
      "Contract 'Country counts' governs only data no link reads: output port 'counts' of 'Revenue'.",
      "Contract 'Item added' governs only data no link reads: event 'ItemAdded' of 'Shop'.",
    ]);
  });

  it('judges breaking changes only against a baseline', () => {
    expect(findingsOf('breaking-changes', CASES['breaking-changes']?.triggers.mesh() as Mesh)).toEqual([]);
  });

  it('flags a rule turned off without a reason', () => {
    const mesh = changed((mesh) => Object.assign(mesh.policies.rules, { owners: 'off' }));
    expect(findingsOf('policy-entries', mesh).map((finding) => finding.message)).toEqual([
      "Rule 'owners' is turned off without a reason.",
    ]);
  });

  it('counts an input as reaching an output port through the transformation the port publishes, and not through one nothing publishes', () => {
    const readByAStep = (isPublished: boolean) => {
      const mesh = aMeshWithASecondInputIntoCustomers();
      product(mesh, 'customers').transformations.push({
        name: 'order_totals',
        sql: 'SELECT o.customer_id, SUM(o.total) AS spent FROM orders o GROUP BY o.customer_id',
      });
      if (isPublished) {
        mesh.contracts.push(
          aContract('order-totals', {
            schema: [anObject('order_totals', [aKey('customer_id'), aProperty('spent', 'number')])],
          }),
        );
        product(mesh, 'customers').outputPorts.push(aPort('totals', 'output', { contractId: 'order-totals' }));
      }
      return mesh;
    };

    expect(findingsOf('inputs-reach-outputs', readByAStep(true))).toEqual([]);
    expect(findingsOf('inputs-reach-outputs', readByAStep(false)).map((finding) => finding.path)).toEqual([
      'products[0].inputPorts[1]',
    ]);
  });

  it("counts an input as reaching an output port through the step that fills its contract's second schema object", () => {
    const mesh = aMeshWithASecondInputIntoCustomers();
    product(mesh, 'customers').transformations.push({
      name: 'order_totals',
      sql: 'SELECT o.customer_id, SUM(o.total) AS spent FROM orders o GROUP BY o.customer_id',
    });
    contract(mesh, 'customers').schema.push(
      anObject('order_totals', [aKey('customer_id'), aProperty('spent', 'number')]),
    );

    expect(findingsOf('inputs-reach-outputs', mesh)).toEqual([]);
  });

  it("counts an input as reaching an output port through a published step that reads the port's raw zone (the event pattern of docs/simulation.md)", () => {
    const mesh = aMeshWithASecondInputIntoCustomers();
    product(mesh, 'customers').transformations.push({
      name: 'order_placed',
      sql: "SELECT printf('op-%d', _sequence) AS event_id, _source_ts AS occurred_at FROM raw_orders_in WHERE _op IN ('r','c')",
    });
    mesh.contracts.push(anEventContract('order-placed'));
    product(mesh, 'customers').outputPorts.push(aPort('placed', 'output', { contractId: 'order-placed' }));

    expect(findingsOf('inputs-reach-outputs', mesh)).toEqual([]);
  });

  it.each([
    ['mysql', 64, 65],
    ['mariadb', 64, 65],
    ['sqlserver', 128, 129],
    ['oracle', 128, 129],
  ])('refuses a %s column name past the %i its database keeps', (engine, longest, tooLong) => {
    const withColumn = (name: string) =>
      changed((mesh) => {
        Object.assign(mesh.systems[0]?.database ?? {}, { engine });
        shopTable(mesh).columns.push({ name, type: 'text', nullable: true });
      });
    expect(findingsOf('identifier-lengths', withColumn('c'.repeat(longest)))).toEqual([]);
    const findings = findingsOf('identifier-lengths', withColumn('c'.repeat(tooLong)));
    expect(findings.map((finding) => [finding.path, finding.severity])).toEqual([
      [expect.stringMatching(/^systems\[0\]\.database\.tables\[0\]\.columns\[\d+\]\.name$/), 'error'],
    ]);
  });

  it('says what a name too long does: a cut column reaches the mesh under another name, a refused one leaves no table', () => {
    const message = (engine: string, edit: (table: ReturnType<typeof shopTable>) => void) =>
      findingsOf(
        'identifier-lengths',
        changed((mesh) => {
          Object.assign(mesh.systems[0]?.database ?? {}, { engine });
          edit(shopTable(mesh));
        }),
      ).map((finding) => finding.message.replace(/^.*?, so /, 'so '));
    const longColumn = (table: ReturnType<typeof shopTable>) =>
      table.columns.push({ name: 'c'.repeat(130), type: 'text', nullable: true });
    expect(message('postgres', longColumn)).toEqual([
      'so its changes carry the column under the cut name, which the design, its contracts and the products reading the table do not name.',
    ]);
    expect(message('mysql', longColumn)).toEqual([
      'so its table cannot be created, and none of its changes are captured.',
    ]);
    expect(message('sqlserver', (table) => Object.assign(table, { name: 't'.repeat(129) }))).toEqual([
      'so the table cannot be created, and none of its changes are captured.',
    ]);
  });

  it('reports a table the simulation leaves out as left out only, not also as unfilled', () => {
    const mesh = withAScenario(
      (scenario) => scenario.data.splice(0),
      (edited) => shopTable(edited).columns.push({ name: '_op', type: 'text', nullable: true }),
    );
    expect(findingsOf('source-tables', mesh).map((finding) => finding.path)).toEqual(['systems[0].database.tables[0]']);
    expect(findingsOf('scenario-fills-tables', mesh)).toEqual([]);
  });

  it('reports a table flagged for CDC that no topic carries, as not captured, at its flag', () => {
    const mesh = changed((mesh) => {
      mesh.systems[0]?.messaging.topics.splice(0);
      mesh.links = mesh.links.filter((link) => link.from.nodeId !== 'shop');
    });
    expect(findingsOf('cdc-streams', mesh).map(({ path, message, fixHint }) => ({ path, message, fixHint }))).toEqual([
      {
        path: 'systems[0].database.tables[0].cdc',
        message:
          "Table 'customers' of 'Shop' is flagged for CDC but no topic carries its changes: they are not captured, the export leaves the table out of its connector, and the simulation captures nothing of it.",
        fixHint:
          'Add its CDC topic (the fix adds it, as turning CDC on in the inspector does), or turn CDC off for the table.',
      },
    ]);
  });

  it('leaves a keyless PostgreSQL table out of replica-identity once the design gives it REPLICA IDENTITY FULL', () => {
    const mesh = changed((mesh) => Object.assign(shopTable(mesh), { primaryKey: [], replicaIdentity: 'full' }));
    expect(findingsOf('replica-identity', mesh)).toEqual([]);
  });

  it('leaves a keyless PostgreSQL table out of replica-identity while no connector captures it', () => {
    const mesh = changed((mesh) => Object.assign(shopTable(mesh), { primaryKey: [], cdc: false }));
    expect(findingsOf('replica-identity', mesh)).toEqual([]);
  });

  it('leaves an input whose table name another input took to product-tables, which says why the table is not built', () => {
    const mesh = changed((mesh) => {
      product(mesh, 'customers').inputPorts.push(aPort('again', 'input', { name: 'shop customers again' }));
      linked(mesh, 'shop-to-customers-again', ['shop', 'customers-cdc'], ['customers', 'again']);
    });

    expect(findingsOf('product-tables', mesh).map((finding) => finding.path)).toEqual(['products[0].inputPorts[1]']);
    expect(findingsOf('inputs-reach-outputs', mesh)).toEqual([]);
  });

  it('finds a deleted link as an unfed input port, and nothing once the port goes too', () => {
    const mesh = withoutElements(aGovernedMesh(), { nodeIds: new Set(), linkIds: new Set(['customers-to-revenue']) });
    expect(findingsOf('inputs-linked', mesh).map((finding) => finding.element)).toEqual([
      { kind: 'port', productId: 'revenue', portId: 'in' },
    ]);
    const added = withPortAdded(mesh, 'revenue', 'input');
    expect(added && findingsOf('inputs-linked', added.mesh)).toHaveLength(2);
    const withoutInputs = withProductUpdated(mesh, 'revenue', { inputPorts: [] });
    expect(findingsOf('inputs-linked', withoutInputs)).toEqual([]);
  });

  it('warns of a consumer still reading under a retired contract, and tells of one reading under a deprecated contract', () => {
    const severities = (status: string) =>
      findingsOf(
        'retired-contract-consumers',
        changed((mesh) => Object.assign(contract(mesh, 'customers'), { status })),
      ).map((finding) => finding.severity);
    expect(severities('Retired ')).toEqual(['warning']);
    expect(severities('deprecated')).toEqual(['info']);
  });

  it("reports a link reading a topic whose event's contract is retired, at the severity the policies set", () => {
    const mesh = changed((mesh) => {
      mesh.contracts.push(anEventContract('item-added', { name: 'Item added', status: 'retired' }));
      publishItemAdded(mesh, 'item-added');
      linked(mesh, 'items-to-revenue', ['shop', 'items'], ['revenue', 'in']);
      Object.assign(mesh.policies.rules, { 'retired-contract-consumers': 'error' });
    });
    expect(findingsOf('retired-contract-consumers', mesh).map(({ path, severity }) => [path, severity])).toEqual([
      ['links[2]', 'error'],
    ]);
  });

  it("warns of a foreign key to a table neither its contract nor another contract of the design has, and accepts one into another contract's table", () => {
    const withForeignKeys = (...targets: string[]) =>
      changed((mesh) =>
        contract(mesh, 'customers').schema[0]?.properties.push(
          aProperty('best_country', 'string', {
            extensions: { relationships: targets.map((to) => ({ type: 'foreignKey', to })) },
          }),
        ),
      );
    const mesh = withForeignKeys('nosuchtable.nosuchcol', 'country_counts.country', 'country_counts.nope');
    expect(
      findingsOf('contract-semantics', mesh).map(({ path, message, severity }) => [path, message, severity]),
    ).toEqual([
      [
        'contracts[0].schema[0].properties[3].relationships[0].to',
        "Contract 'Customers': 'nosuchtable.nosuchcol' names schema object 'nosuchtable', which neither this contract nor another contract of the design has.",
        'warning',
      ],
      [
        'contracts[0].schema[0].properties[3].relationships[2].to',
        "Contract 'Customers': 'country_counts.nope' names property 'nope', which schema object 'country_counts' of 'Country counts' does not have.",
        'warning',
      ],
    ]);
  });
});

describe('a numeric column without precision and scale', () => {
  const withUnscaledNumeric = (engine: string) =>
    changed((mesh) => {
      shopTable(mesh).columns.push({ name: 'offset_c', type: 'numeric', nullable: false });
      Object.assign(mesh.systems[0]?.database ?? {}, { engine });
    });

  const messageOn = (engine: string) =>
    findingsOf('numeric-column-scale', withUnscaledNumeric(engine)).map((finding) => finding.message);

  it.each([
    ['MariaDB', 'mariadb', 'DECIMAL(10,0)', '2.5 as 3', 10],
    ['SQL Server', 'sqlserver', 'decimal(18,0)', '2.5 as 3', 18],
    ['Db2', 'db2', 'DECIMAL(5,0)', '2.5 as 2', 5],
  ])('on %s (%s) is said to lose its decimals, as %s', (name, engine, type, half, digits) => {
    expect(messageOn(engine)).toEqual([
      `Column 'offset_c' of table 'customers' of 'Shop' is a numeric without precision and scale, which ${name} declares ${type}: its values lose their decimals (0.15 is stored as 0, ${half}), as the simulation shows, so 'offset_c' holds whole numbers of up to ${digits} digits once deployed.`,
    ]);
  });

  it('on Oracle is said to be published as a variable-scale struct, as on PostgreSQL', () => {
    expect(messageOn('oracle')).toEqual([
      "Column 'offset_c' of table 'customers' of 'Shop' is a numeric without precision and scale, which Oracle keeps at any scale: Debezium writes each of its values as a struct of its scale and digits ({\"scale\": 2, \"value\": \"…\"}), not as the number the simulation shows, whatever the converter, so 'offset_c' is published differently once deployed.",
    ]);
  });

  it('hints at the column’s precision and scale fields, as the file takes them, not at a numeric(10,2) type it refuses', () => {
    const [finding] = findingsOf('numeric-column-scale', withUnscaledNumeric('postgres'));
    expect(finding?.fixHint).toBe(
      'Give \'offset_c\' a precision and a scale (its Precision and Scale fields; in the .mesh.json file "precision": 10, "scale": 2 beside "type": "numeric" declares numeric(10,2)): precision the digits in all, scale those after the point.',
    );
    const written = finding?.fixHint.match(/"precision": \d+, "scale": \d+/)?.[0];
    const column = JSON.parse(`{"name": "offset_c", "type": "numeric", "nullable": false, ${written}}`);
    expect(ColumnSchema.safeParse(column).success).toBe(true);
  });

  it('passes on MongoDB, whose Decimal128 keeps any decimals, and with a precision alone (scale 0 declared)', () => {
    expect(findingsOf('numeric-column-scale', withUnscaledNumeric('mongodb'))).toEqual([]);
    const withPrecision = changed((mesh) =>
      shopTable(mesh).columns.push({ name: 'units', type: 'numeric', nullable: false, precision: 12 }),
    );
    expect(findingsOf('numeric-column-scale', withPrecision)).toEqual([]);
  });
});
