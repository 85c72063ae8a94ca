import type { Contract, Mesh } from '../../../shared/model';
import type { Scenario } from '../../../shared/model/scenario';
import { aContract, aMesh, aPort, aProduct } from '../../builders/mesh-builder';
import { aKey, anObject, aProperty } from '../contracts/builders';

/**
 * A small mesh every rule is happy with: the Shop's CDC stream feeds Customers (sales), whose
 * output Revenue (analytics, consumer-aligned: it serves a report outside the mesh) reads and
 * aggregates by country. Tests break one thing at a time.
 */
export function aGovernedMesh(): Mesh {
  const customersContract: Partial<Contract> = {
    name: 'Customers',
    dataProduct: 'customers',
    schema: [
      anObject('customers', [
        aKey('customer_id'),
        aProperty('email', 'string', { classification: 'pii' }),
        aProperty('country'),
      ]),
    ],
  };
  const countsContract: Partial<Contract> = {
    name: 'Country counts',
    dataProduct: 'revenue',
    schema: [anObject('country_counts', [aKey('country', 'string'), aProperty('customers', 'integer')])],
    sla: [{ property: 'frequency', value: 10, unit: 'm' }],
  };
  return aMesh()
    .withDomain('sales', { name: 'Sales', owner: 'team-sales' })
    .withDomain('analytics', { name: 'Analytics', owner: 'team-analytics' })
    .withSystem('shop', 'sales', {
      name: 'Shop',
      database: {
        engine: 'postgres',
        name: 'shop',
        tables: [
          {
            name: 'customers',
            cdc: true,
            primaryKey: ['customer_id'],
            columns: [
              { name: 'customer_id', type: 'integer', nullable: false },
              { name: 'email', type: 'text', nullable: true },
              { name: 'country', type: 'text', nullable: true },
            ],
          },
        ],
      },
      messaging: {
        broker: 'kafka',
        topics: [
          {
            id: 'customers-cdc',
            name: 'shop.public.customers',
            partitions: 1,
            tombstones: true,
            source: { kind: 'cdc', table: 'customers' },
          },
        ],
      },
    })
    .withContract('customers', customersContract)
    .withContract('country-counts', countsContract)
    .withProduct('customers', 'sales', {
      name: 'Customers',
      owner: 'team-sales',
      inputPorts: [aPort('in', 'input', { name: 'shop customers' })],
      outputPorts: [aPort('out', 'output', { name: 'customers', contractId: 'customers' })],
      observability: { slos: [{ kind: 'freshness', target: 15, unit: 'minutes' }] },
    })
    .withProduct('revenue', 'analytics', {
      name: 'Revenue',
      owner: 'team-analytics',
      kind: 'consumer-aligned',
      inputPorts: [
        aPort('in', 'input', {
          name: 'customers',
          expects: [
            { name: 'customer_id', logicalType: 'integer', required: true },
            { name: 'country', logicalType: 'string', required: false },
          ],
        }),
      ],
      outputPorts: [aPort('out', 'output', { name: 'counts', contractId: 'country-counts' })],
      transformations: [
        {
          name: 'country_counts',
          sql: 'SELECT c.country, COUNT(*) AS customers FROM customers c WHERE c.customer_id IS NOT NULL GROUP BY c.country',
        },
      ],
      observability: { slos: [{ kind: 'freshness', target: 30, unit: 'minutes' }] },
    })
    .withLink('shop-to-customers', { nodeId: 'shop', portId: 'customers-cdc' }, { nodeId: 'customers', portId: 'in' })
    .withLink('customers-to-revenue', { nodeId: 'customers', portId: 'out' }, { nodeId: 'revenue', portId: 'in' })
    .build();
}

/** An event contract with an id and a time, as contract-keys wants. */
export function anEventContract(id: string, extra: Partial<Contract> = {}): Contract {
  return aContract(id, {
    kind: 'event',
    schema: [
      anObject(id.replaceAll('-', '_'), [
        aProperty('event_id', 'string', { required: true, unique: true }),
        aProperty('occurred_at', 'timestamp', { required: true }),
      ]),
    ],
    ...extra,
  });
}

/**
 * The governed mesh where Leads, a second producer, feeds Revenue's one input port too, with a
 * phone classified pii, and Revenue copies that phone into its output as `contact`. The
 * one-source-per-input rule refuses this design, but older files hold it: until it is fixed, the
 * lineage still reads both links, so the other rules and impact analysis do not go quiet.
 */
export function aMeshWithTwoFeedsIntoOnePort(): Mesh {
  const mesh = aGovernedMesh();
  mesh.contracts.push(
    aContract('leads', {
      name: 'Leads',
      schema: [
        anObject('leads', [
          aKey('lead_id'),
          aProperty('phone', 'string', { classification: 'pii' }),
          aProperty('country'),
        ]),
      ],
    }),
  );
  withLeadsFeeding(mesh, 'in');
  const revenue = mesh.products.find((product) => product.id === 'revenue');
  if (revenue) {
    revenue.transformations = [
      {
        name: 'country_counts',
        sql: 'SELECT l.country, COUNT(*) AS customers, l.phone AS contact FROM leads l GROUP BY l.country',
      },
    ];
  }
  mesh.contracts.find((contract) => contract.id === 'country-counts')?.schema[0]?.properties.push(aProperty('contact'));
  return mesh;
}

/**
 * The governed mesh where the Shop captures its `orders` table too, and that stream feeds
 * Customers through a second input port, `shop orders`, as a product drawn with two sources is;
 * Customers still publishes only its `customers` table.
 */
export function aMeshWithASecondInputIntoCustomers(): Mesh {
  const mesh = aGovernedMesh();
  const shop = mesh.systems.find((system) => system.id === 'shop');
  shop?.database.tables.push({
    name: 'orders',
    cdc: true,
    primaryKey: ['order_id'],
    columns: [
      { name: 'order_id', type: 'integer', nullable: false },
      { name: 'customer_id', type: 'integer', nullable: true },
      { name: 'total', type: 'real', nullable: true },
    ],
  });
  shop?.messaging.topics.push({
    id: 'orders-cdc',
    name: 'shop.public.orders',
    partitions: 1,
    tombstones: true,
    source: { kind: 'cdc', table: 'orders' },
  });
  mesh.products
    .find((product) => product.id === 'customers')
    ?.inputPorts.push(aPort('orders-in', 'input', { name: 'shop orders' }));
  mesh.links.push({
    id: 'shop-orders-to-customers',
    from: { nodeId: 'shop', portId: 'orders-cdc' },
    to: { nodeId: 'customers', portId: 'orders-in' },
  });
  return mesh;
}

/** A scenario, Busy day, in which the Shop fills its customers table with five rows before the first tick. */
export function aBusyDay(): Scenario {
  return {
    id: 'busy-day',
    name: 'Busy day',
    description: '',
    seed: 1,
    startTime: '2024-01-01T00:00:00.000Z',
    tickMillis: 1000,
    data: [{ systemId: 'shop', table: 'customers', initialRows: 5, generators: {} }],
    rates: [],
    steps: [],
  };
}

/**
 * The governed mesh where Revenue also reads Leads (lead_id, country) and publishes, by `sql`,
 * `customer_leads` through a contract keyed by `key` (customer_id, lead_id, country).
 */
export function aMeshPublishingCustomerLeads(sql: string, key: readonly string[] = ['customer_id']): Mesh {
  const mesh = aGovernedMesh();
  mesh.contracts.push(
    aContract('leads', {
      name: 'Leads',
      schema: [anObject('leads', [aKey('lead_id'), aProperty('country')])],
    }),
    aContract('customer-leads', {
      name: 'Customer leads',
      dataProduct: 'revenue',
      schema: [
        anObject(
          'customer_leads',
          ['customer_id', 'lead_id', 'country'].map((name) =>
            key.includes(name)
              ? { ...aKey(name), unique: key.length === 1, primaryKeyPosition: key.indexOf(name) + 1 }
              : aProperty(name, name === 'country' ? 'string' : 'integer'),
          ),
        ),
      ],
    }),
  );
  withLeadsFeeding(mesh, 'leads');
  const revenue = mesh.products.find((product) => product.id === 'revenue');
  revenue?.inputPorts.push(aPort('leads', 'input', { name: 'leads' }));
  revenue?.outputPorts.push(
    aPort('customer-leads', 'output', { name: 'customer leads', contractId: 'customer-leads' }),
  );
  revenue?.transformations.push({ name: 'customer_leads', sql });
  return mesh;
}

/** The mesh with Leads (sales), which serves the contract `leads`, linked into Revenue's input port `portId`. */
function withLeadsFeeding(mesh: Mesh, portId: string): void {
  mesh.products.push(
    aProduct('leads', 'sales', {
      name: 'Leads',
      owner: 'team-sales',
      outputPorts: [aPort('out', 'output', { name: 'leads', contractId: 'leads' })],
    }),
  );
  mesh.links.push({
    id: 'leads-to-revenue',
    from: { nodeId: 'leads', portId: 'out' },
    to: { nodeId: 'revenue', portId },
  });
}
