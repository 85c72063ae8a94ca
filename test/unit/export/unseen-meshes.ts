import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseOdcsYaml } from '../../../shared/contracts';
import type { Contract, Mesh } from '../../../shared/model';
import { aMesh, aPort } from '../../builders/mesh-builder';

/*
 * Designs shaped unlike the samples and the golden cases, for checking every export with the
 * real tools: many domains; products without output ports or contracts; contracts of every
 * logical type with nested objects, arrays, keys, quality rules, SLAs and examples in YAML 1.1
 * traps; ids that are SQL keywords, start with digits, hold dots; ids and names that collide
 * once slugged; labels that break Mermaid.
 */

/** Values a YAML 1.1 reader takes for something other than the string they are. */
export const YAML_11_TRAPS = [
  'no',
  'yes',
  'on',
  'off',
  'y',
  'n',
  '~',
  'null',
  '0755',
  '1e3',
  '0x1F',
  '2026-01-01',
  '12:30:00',
  '.inf',
  '-',
  ' lead',
  'trail ',
];

export function contractFromYaml(text: string): Contract {
  const read = parseOdcsYaml(text);
  if (!read.ok) throw new Error(`the test contract does not read: ${JSON.stringify(read.errors)}`);
  return read.value;
}

/** The columns of `measuresAndDimensionsContract`'s table, in order: every property but its three measures. */
export const STORED_TURNOVER_COLUMNS = [
  'turnover_ts',
  'order_id',
  'turnover_euros',
  'country_code',
  'country_code_dim',
  'order_month',
];

/** The ODCS 3.2.0 example contract of columns, dimensions and measures (RFC 0034), as the standard gives it. */
export function measuresAndDimensionsContract(): Contract {
  const path = join(import.meta.dirname, '../../fixtures/odcs/v3.2.0/measures-and-dimensions.odcs.yaml');
  return contractFromYaml(readFileSync(path, 'utf8'));
}

/** A string property whose ODCS 3.1 `invalidValues` rule allows `validValues` (YAML flow), as lines of a schema object's `properties`. */
export function stringWithValidValues(name: string, validValues: string, { required = false } = {}): string {
  return `      - name: ${name}
        logicalType: string
${required ? '        required: true\n' : ''}        quality:
          - metric: invalidValues
            arguments:
              validValues: ${validValues}
            mustBe: 0
`;
}

/** A contract of every logical type, nested objects and arrays, keys, quality, SLAs, examples that are traps. */
export function everyTypeContract(id: string, apiVersion: 'v3.1.0' | 'v3.2.0'): Contract {
  const traps = YAML_11_TRAPS.map((trap) => JSON.stringify(trap)).join(', ');
  return contractFromYaml(`apiVersion: ${apiVersion}
kind: DataContract
id: ${id}
name: "${id}: the #1 \\"big\\" one 🚀"
version: 1.0.0
${apiVersion === 'v3.1.0' ? 'status: active\n' : ''}description:
  purpose: |
    Line one: with a colon # and a hash
    Line two "double" 'single' ünïcode 🚀
  usage: "no"
domain: "yes"
schema:
  - name: user
    description: "~"
    properties:
      - name: id
        logicalType: integer
        primaryKey: true
        primaryKeyPosition: 1
        required: true
        unique: true
        examples: [1, 2]
      - name: group
        logicalType: string
        required: true
        unique: true
        description: "multi\\nline: # not a comment"
        examples: [${traps}]
      - name: "1st.value-x y"
        logicalType: number
      - name: at
        logicalType: timestamp
      - name: day
        logicalType: date
      - name: clock
        logicalType: time
      - name: flag
        logicalType: boolean
      - name: address
        logicalType: object
        properties:
          - name: street
            logicalType: string
            required: true
          - name: geo
            logicalType: object
            properties:
              - name: lat
                logicalType: number
      - name: tags
        logicalType: array
        items:
          logicalType: string
      - name: lines
        logicalType: array
        items:
          logicalType: object
          properties:
            - name: sku
              logicalType: string
      - name: status
        logicalType: string
        logicalTypeOptions:
          pattern: "^[a-z]+$"
          maxLength: 10
        quality:
          - type: library
            metric: nullValues
            mustBe: 0
    quality:
      - type: sql
        query: "SELECT COUNT(*) FROM user WHERE id < 0"
        mustBe: 0
slaProperties:
  - property: latency
    value: 4
    unit: d
  - property: retention
    value: "no"
  - property: frequency
    value: "12:30:00"
`);
}

/** Keywords, digits first, dots, traps as owners, products without ports or contracts, Mermaid breakers. */
export function trickyShapesMesh(): Mesh {
  const mesh = aMesh('tricky-shapes')
    .withDomain('order', { name: 'order', owner: 'no' })
    .withDomain('user', { name: 'Users: "the" #1 🚀\nsecond line', owner: 'yes', description: 'a: b # c\n"q"' })
    .withDomain('1st.domain', { name: '../../etc/passwd', owner: '~' })
    .withProduct('group', 'order', {
      name: 'group',
      owner: 'off',
      description: 'line1\nline2: x # y',
      documentation: '# Heading\nmore',
      outputPorts: [
        aPort('out', 'output', { contractId: 'order', protocol: 'kafka-topic', name: 'out "x" [y]' }),
        aPort('out2', 'output', { protocol: 'kafka-topic' }),
      ],
    })
    .withProduct('empty', 'user', { name: 'no ports at all' })
    .withProduct('2nd.prod-x', 'user', {
      name: 'end',
      kind: 'consumer-aligned',
      inputPorts: [aPort('in', 'input'), aPort('in2', 'input')],
      outputPorts: [
        aPort('out', 'output', { contractId: 'user', protocol: 'table' }),
        aPort('no-contract', 'output', { protocol: 'rest' }),
      ],
      observability: { slos: [{ kind: 'freshness', target: 5, unit: 'minutes', description: 'no' }] },
    })
    .withProduct('select', '1st.domain', {
      name: '<script>alert(1)</script> graph click %% end; {x} | [y]',
      inputPorts: [aPort('in', 'input')],
      outputPorts: [aPort('out', 'output', { contractId: 'latest' })],
    })
    .withSystem('svc', 'order', { name: 'svc "x" | y ; z' })
    .withLink('l1', { nodeId: 'group', portId: 'out' }, { nodeId: '2nd.prod-x', portId: 'in' })
    .withLink('l2', { nodeId: 'svc', portId: 'items-cdc' }, { nodeId: '2nd.prod-x', portId: 'in2' })
    .withLink('l3', { nodeId: '2nd.prod-x', portId: 'out' }, { nodeId: 'select', portId: 'in' })
    .build();
  mesh.contracts.push(everyTypeContract('order', 'v3.1.0'), everyTypeContract('user', 'v3.2.0'));
  // ODCS 3.2 makes `status` optional: a product serving only this contract has no status of its own.
  mesh.contracts.push(everyTypeContract('latest', 'v3.2.0'));
  return mesh;
}

/**
 * Ids that differ only in `.`, `-`, `_` and case, so their slugs and Kubernetes names collide
 * (not `a.b` and `a_b` together: Kafka refuses their topics side by side).
 */
export const LOOK_ALIKE_IDS = ['a.b', 'a-b', 'A-B', 'A_b', 'aB'];

export function lookAlikeMesh(): Mesh {
  const builder = aMesh('look-alikes').withDomain('d', { name: 'D' });
  for (const id of LOOK_ALIKE_IDS) {
    builder
      .withProduct(id, 'd', {
        name: `Same name ${id}`,
        outputPorts: [aPort('out', 'output', { contractId: `c-${id}`, protocol: 'kafka-topic' })],
      })
      .withContract(`c-${id}`, { name: 'Same contract' })
      .withSystem(`s-${id}`, 'd', { name: `Same system ${id}` });
  }
  return builder.build();
}

/** Forty domains in a chain, each with a product and a system. */
export function manyDomainsMesh(count = 40): Mesh {
  const builder = aMesh('many-domains');
  for (let index = 0; index < count; index++) {
    builder
      .withDomain(`d${index}`, { name: `Domain ${index}`, owner: `team ${index % 7}` })
      .withContract(`c${index}`)
      .withProduct(`p${index}`, `d${index}`, {
        inputPorts: [aPort('in', 'input')],
        outputPorts: [aPort('out', 'output', { contractId: `c${index}` })],
      })
      .withSystem(`s${index}`, `d${index}`);
    if (index > 0)
      builder.withLink(`l${index}`, { nodeId: `p${index - 1}`, portId: 'out' }, { nodeId: `p${index}`, portId: 'in' });
  }
  return builder.build();
}

/**
 * A mesh past Mermaid's default 500 edges: `domains` domains of five products each and `links`
 * product links, each to one of the next three products (in its own domain or the next one's).
 */
export function crowdedMesh(domains = 40, links = 600): Mesh {
  const builder = aMesh('crowded');
  const productIds: string[] = [];
  for (let domain = 0; domain < domains; domain++) {
    builder.withDomain(`d${domain}`, { name: `Domain ${domain}` });
    for (let index = 0; index < PRODUCTS_PER_CROWDED_DOMAIN; index++) {
      productIds.push(`d${domain}-p${index}`);
      builder.withProduct(`d${domain}-p${index}`, `d${domain}`, {
        inputPorts: [aPort('in', 'input')],
        outputPorts: [aPort('out', 'output')],
      });
    }
  }
  for (let link = 0; link < links; link++) {
    const from = link % productIds.length;
    const to = (from + 1 + Math.floor(link / productIds.length)) % productIds.length;
    builder.withLink(
      `l${link}`,
      { nodeId: productIds[from] as string, portId: 'out' },
      { nodeId: productIds[to] as string, portId: 'in' },
    );
  }
  return builder.build();
}

const PRODUCTS_PER_CROWDED_DOMAIN = 5;

/** One domain whose source feeds `consumers` products: its own logical view is past Mermaid's default 500 edges. */
export function fanOutMesh(consumers = 600): Mesh {
  const builder = aMesh()
    .withDomain('d')
    .withProduct('source', 'd', { outputPorts: [aPort('out', 'output')] });
  for (let index = 1; index <= consumers; index++) {
    builder
      .withProduct(`consumer-${index}`, 'd', { inputPorts: [aPort('in', 'input')] })
      .withLink(`l${index}`, { nodeId: 'source', portId: 'out' }, { nodeId: `consumer-${index}`, portId: 'in' });
  }
  return builder.build();
}

export const UNSEEN_MESHES: ReadonlyArray<readonly [string, () => Mesh]> = [
  ['tricky shapes', trickyShapesMesh],
  ['look-alike ids', lookAlikeMesh],
  ['many domains', manyDomainsMesh],
  ['edge names', edgeNamesMesh],
  ['empty design', emptyDesign],
];

/** Names at the edges: Unicode, spaces, dots, `../`, leading digits, SQL and Kafka words, 200 characters, case twins. */
const LONG_NAME = `Ünïcode ${'very long name '.repeat(13)}🚀`;
const LONG_ID = `p${'1234567890'.repeat(12)}x`;

/** A contract of two tables, one keyed by three columns in an order unlike their declaration. */
function compositeKeyContract(id: string): Contract {
  return contractFromYaml(`apiVersion: v3.1.0
kind: DataContract
id: ${id}
name: "${id} ../ \\"select\\""
version: 2.0.0
status: active
schema:
  - name: "Order Lines"
    properties:
      - name: "line no"
        logicalType: integer
        primaryKey: true
        primaryKeyPosition: 3
        required: true
      - name: ORDER
        logicalType: string
        primaryKey: true
        primaryKeyPosition: 1
        required: true
      - name: "Größe"
        logicalType: number
        primaryKey: true
        primaryKeyPosition: 2
        required: true
      - name: order
        logicalType: string
      - name: "${'x'.repeat(70)}"
        logicalType: boolean
  - name: select
    properties:
      - name: from
        logicalType: string
        primaryKey: true
        required: true
        unique: true
      - name: "1st"
        logicalType: date
        unique: true
`);
}

export function edgeNamesMesh(): Mesh {
  const mesh = aMesh('edge-names')
    .withDomain('sales', { name: 'Sales 💶', owner: 'Équipe Ventes' })
    .withDomain('Sales2', { name: '../sales', owner: 'équipe ventes' })
    .withDomain('123', { name: '123 select from', owner: '' })
    .withProduct('sales.customers', 'sales', {
      name: 'customers',
      owner: 'Team A',
      inputPorts: [aPort('cdc', 'input', { protocol: 'kafka-topic' })],
      outputPorts: [aPort('out', 'output', { contractId: 'lines', protocol: 'kafka-topic', name: 'out put' })],
    })
    .withProduct('Sales2.customers', 'Sales2', {
      name: 'customers',
      owner: 'team a',
      inputPorts: [aPort('in', 'input')],
      outputPorts: [aPort('out', 'output', { contractId: 'lines', protocol: 'table' })],
    })
    .withProduct('CUSTOMERS', '123', {
      name: 'Customers',
      inputPorts: [aPort('in', 'input')],
      outputPorts: [aPort('out', 'output', { protocol: 'kafka-topic' })],
    })
    .withProduct(LONG_ID, '123', {
      name: LONG_NAME,
      owner: LONG_NAME,
      inputPorts: [aPort('in', 'input')],
      outputPorts: [aPort('o', 'output', { contractId: 'lines', protocol: 'kafka-topic' })],
    })
    .withProduct('no-ports', '123', { name: 'no ports' })
    .withSystem('shop', 'sales', {
      name: 'shop ../ "x"',
      database: {
        engine: 'postgresql',
        name: 'shop db',
        tables: [
          {
            name: 'order lines',
            cdc: true,
            primaryKey: ['order', 'line no'],
            columns: [
              { name: 'order', type: 'text', nullable: false },
              { name: 'line no', type: 'integer', nullable: false },
            ],
          },
          {
            name: 'Größe',
            cdc: true,
            primaryKey: ['id'],
            columns: [{ name: 'id', type: 'integer', nullable: false }],
          },
          { name: 'outbox', cdc: false, primaryKey: ['id'], columns: [{ name: 'id', type: 'text', nullable: false }] },
        ],
      },
      messaging: {
        broker: 'kafka',
        topics: [
          {
            id: 'lines',
            name: 'shop.lines',
            partitions: 6,
            tombstones: true,
            source: { kind: 'cdc', table: 'order lines' },
          },
          { id: 'size', name: 'Shop.Size', partitions: 1, tombstones: false, source: { kind: 'cdc', table: 'Größe' } },
          {
            id: 'placed',
            name: 'order-placed',
            partitions: 3,
            tombstones: false,
            source: { kind: 'outbox', event: 'OrderPlaced' },
          },
          {
            id: 'paid',
            name: 'order-paid',
            partitions: 3,
            tombstones: false,
            source: { kind: 'outbox', event: 'OrderPaid' },
          },
        ],
      },
      publishes: [
        { name: 'OrderPlaced', table: 'order lines', on: ['insert'], contractId: 'lines' },
        { name: 'OrderPaid', table: 'order lines', on: ['update'] },
      ],
    })
    .withLink('l1', { nodeId: 'shop', portId: 'lines' }, { nodeId: 'sales.customers', portId: 'cdc' })
    // A cycle: customers → customers → CUSTOMERS → customers.
    .withLink('l2', { nodeId: 'sales.customers', portId: 'out' }, { nodeId: 'Sales2.customers', portId: 'in' })
    .withLink('l3', { nodeId: 'Sales2.customers', portId: 'out' }, { nodeId: 'CUSTOMERS', portId: 'in' })
    .withLink('l4', { nodeId: 'CUSTOMERS', portId: 'out' }, { nodeId: LONG_ID, portId: 'in' })
    .build();
  mesh.contracts.push(compositeKeyContract('lines'));
  return mesh;
}

export function emptyDesign(): Mesh {
  return aMesh('empty').build();
}
