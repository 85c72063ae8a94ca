import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMeshFile } from '../../../shared/contracts/contract-text';
import { withoutElements } from '../../../shared/editing/delete-elements';
import { withDomainUpdated } from '../../../shared/editing/domains';
import { withPositions } from '../../../shared/editing/layout-edits';
import { withLinkAdded } from '../../../shared/editing/links';
import { withoutPort, withPortAdded, withPortFields } from '../../../shared/editing/ports';
import { withProductAdded, withProductUpdated } from '../../../shared/editing/products';
import { analyzeImpact, type ImpactOrigin } from '../../../shared/lineage/impact';
import { type Contract, type Mesh, sameEndpoint } from '../../../shared/model';
import { applyFix } from '../../../shared/validation/fixes';
import { RULES } from '../../../shared/validation/rule-catalog';
import { validateMesh } from '../../../shared/validation/validate-mesh';
import { aContract, aMesh, aPort, aSystem } from '../../builders/mesh-builder';
import { aKey, anObject, aProperty } from '../contracts/builders';
import { aGovernedMesh } from './governed-mesh';

/** A deterministic stream of numbers in [0, 1) (mulberry32), so a failing sequence can be replayed from its seed. */
function randomStream(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
const tableOf = (productId: string) => `${productId.replaceAll('-', '_')}_out`;

/**
 * Nine products in three domains fed by a system's CDC stream, each serving a contract with a
 * classified field, joining two inputs in SQL and promising a freshness: every rule has
 * something to read.
 */
function aMeshOfNineProducts(): Mesh {
  const builder = aMesh('nine')
    .withDomain('d0', { name: 'Sales', owner: 'team-sales' })
    .withDomain('d1', { name: 'Billing', owner: '' })
    .withDomain('d2', { name: 'Analytics', owner: 'team-analytics' })
    .withSystem(
      'shop',
      'd0',
      aSystem('shop', 'd0', {
        name: 'Shop',
        publishes: [{ name: 'order-placed', table: 'items', on: ['insert'], contractId: 'order-placed' }],
        messaging: {
          broker: 'kafka',
          topics: [
            {
              id: 'items-cdc',
              name: 'shop.items',
              partitions: 1,
              tombstones: true,
              source: { kind: 'cdc', table: 'items' },
            },
            {
              id: 'orders',
              name: 'shop.orders',
              partitions: 1,
              tombstones: false,
              source: { kind: 'outbox', event: 'order-placed' },
            },
          ],
        },
      }),
    )
    .withContract('order-placed', {
      kind: 'event',
      schema: [
        anObject('order_placed', [
          aProperty('event_id', 'string', { required: true, unique: true }),
          aProperty('occurred_at', 'timestamp', { required: true }),
          aProperty('email', 'string', { classification: 'pii' }),
        ]),
      ],
    });
  for (let index = 0; index < 9; index++) {
    const id = `p${index}`;
    const inputs =
      index === 0 ? ['items', 'order_placed'] : [tableOf(`p${index - 1}`), tableOf(`p${Math.max(0, index - 3)}`)];
    builder
      .withContract(`${id}-out`, {
        name: `Product ${index} out`,
        schema: [
          anObject(tableOf(id), [
            aKey('id'),
            aProperty('email', 'string', index % 4 === 3 ? {} : { classification: 'pii' }),
            aProperty('amount', 'number'),
          ]),
        ],
        sla: [{ property: 'frequency', value: 5 + index, unit: 'm' }],
      })
      .withProduct(id, `d${index % 3}`, {
        name: `Product ${index}`,
        owner: index === 4 ? '' : 'team',
        inputPorts: [
          aPort('in-1', 'input', { expects: [{ name: 'id', logicalType: 'integer', required: true }] }),
          aPort('in-2', 'input'),
        ],
        outputPorts: [aPort('out-1', 'output', { contractId: `${id}-out` })],
        transformations: [
          {
            name: tableOf(id),
            sql: `SELECT a.id, b.email, a.amount AS amount FROM ${inputs[0]} a LEFT JOIN ${inputs[1]} b ON b.id = a.id`,
          },
        ],
        observability: { slos: [{ kind: 'freshness', target: index % 2 === 1 ? 3 : 10 + 7 * index, unit: 'minutes' }] },
      })
      .withLink(
        `to-${id}-1`,
        index === 0 ? { nodeId: 'shop', portId: 'items-cdc' } : { nodeId: `p${index - 1}`, portId: 'out-1' },
        { nodeId: id, portId: 'in-1' },
      )
      .withLink(
        `to-${id}-2`,
        index === 0 ? { nodeId: 'shop', portId: 'orders' } : { nodeId: `p${Math.max(0, index - 3)}`, portId: 'out-1' },
        { nodeId: id, portId: 'in-2' },
      );
  }
  return builder.build();
}

function ecommerce(): Mesh {
  const text = readFileSync(new URL('../../../assets/samples/ecommerce.mesh.json', import.meta.url), 'utf8');
  const parsed = parseMeshFile(text);
  if (!parsed.ok) throw new Error('the e-commerce sample does not open');
  return parsed.value;
}

function withContractChanged(mesh: Mesh, random: Random, change: (contract: Contract) => Contract): Mesh {
  const index = Math.floor(random() * mesh.contracts.length);
  const contract = mesh.contracts[index];
  return contract ? { ...mesh, contracts: mesh.contracts.with(index, change(contract)) } : mesh;
}

function withFirstObject(
  contract: Contract,
  change: (object: Contract['schema'][number]) => Contract['schema'][number],
) {
  const [first, ...others] = contract.schema;
  return first ? { ...contract, schema: [change(first), ...others] } : contract;
}

type Edit = (mesh: Mesh, random: Random, history: readonly Mesh[]) => Mesh;

const productId = (mesh: Mesh, random: Random) => pick(random, mesh.products)?.id ?? '';
const portsOf = (mesh: Mesh, id: string) => {
  const product = mesh.products.find((candidate) => candidate.id === id);
  return product ? [...product.inputPorts, ...product.outputPorts] : [];
};

/** Edits as the app makes them (immutably, most through shared/editing), and some it makes rarely. */
const EDITS: Record<string, Edit> = {
  'describe a product': (mesh, random) =>
    withProductUpdated(mesh, productId(mesh, random), { description: `${random()}` }),
  'rename a product': (mesh, random) =>
    withProductUpdated(mesh, productId(mesh, random), {
      name: pick(random, ['Product 1', 'Orders', 'CON', 'x'.repeat(210), `Renamed ${random()}`]) as string,
    }),
  'set or clear an owner': (mesh, random) =>
    withProductUpdated(mesh, productId(mesh, random), { owner: pick(random, ['', ' ', 'team-new']) as string }),
  'change a freshness promise': (mesh, random) =>
    withProductUpdated(mesh, productId(mesh, random), {
      observability: {
        slos:
          random() < 0.2
            ? []
            : [{ kind: 'freshness', target: pick(random, [1, 15, 60, 600]) as number, unit: 'minutes' }],
      },
    }),
  'rewrite a transformation': (mesh, random) =>
    withProductUpdated(mesh, productId(mesh, random), (product) => ({
      ...product,
      transformations: product.transformations.map((step) => ({
        ...step,
        sql: pick(random, [
          step.sql.replace('b.email', 'a.email'),
          step.sql.replace('b.email', 'LOWER(b.email) AS email'),
          step.sql.replace(/ LEFT JOIN .*/, ''),
          `SELECT * FROM (${step.sql}) x`,
          'SELECT broken FROM',
        ]) as string,
      })),
    })),
  'add a port': (mesh, random) =>
    withPortAdded(mesh, productId(mesh, random), random() < 0.5 ? 'input' : 'output')?.mesh ?? mesh,
  'remove a port': (mesh, random) => {
    const id = productId(mesh, random);
    const port = pick(random, portsOf(mesh, id));
    return port ? withoutPort(mesh, id, port.id) : mesh;
  },
  'rename a port': (mesh, random) => {
    const id = productId(mesh, random);
    const port = pick(random, portsOf(mesh, id));
    return port ? withPortFields(mesh, id, port.id, { name: pick(random, ['in-1', 'out-1', 'aux']) as string }) : mesh;
  },
  'choose a contract for a port': (mesh, random) => {
    const id = productId(mesh, random);
    const port = pick(random, portsOf(mesh, id));
    const contractId = random() < 0.2 ? 'missing' : pick(random, mesh.contracts)?.id;
    return port ? withPortFields(mesh, id, port.id, { contractId }) : mesh;
  },
  'change what an input expects': (mesh, random) => {
    const id = productId(mesh, random);
    const port = pick(random, mesh.products.find((product) => product.id === id)?.inputPorts ?? []);
    const name = pick(random, ['id', 'email', 'amount', 'nothing_like_it']) as string;
    const expects = [
      { name, logicalType: pick(random, ['integer', 'string', 'number'] as const) ?? 'integer', required: true },
    ];
    return port ? withPortFields(mesh, id, port.id, { expects: random() < 0.2 ? undefined : expects }) : mesh;
  },
  'link two ports': (mesh, random) => {
    const from = pick(random, mesh.products);
    const to = pick(random, mesh.products);
    const out = from && pick(random, from.outputPorts);
    const into = to && pick(random, to.inputPorts);
    if (!from || !to || !out || !into) return mesh;
    const added = withLinkAdded(mesh, { nodeId: from.id, portId: out.id }, { nodeId: to.id, portId: into.id });
    return added.ok ? added.mesh : mesh;
  },
  'link back, making a cycle': (mesh, random) => {
    const link = pick(
      random,
      mesh.links.filter((candidate) => mesh.products.some((p) => p.id === candidate.from.nodeId)),
    );
    if (!link) return mesh;
    const back = { id: `back-${random()}`, from: { nodeId: link.to.nodeId, portId: 'out-1' }, to: link.from };
    const into = { nodeId: link.from.nodeId, portId: 'in-2' };
    // The link back replaces what fed that port: an input port has one source.
    const others = mesh.links.filter((other) => !sameEndpoint(other.to, into));
    return { ...mesh, links: [...others, { ...back, to: into }] };
  },
  'remove a link': (mesh, random) => {
    const link = pick(random, mesh.links);
    return link ? withoutElements(mesh, { nodeIds: new Set(), linkIds: new Set([link.id]) }) : mesh;
  },
  'delete a product': (mesh, random) =>
    withoutElements(mesh, { nodeIds: new Set([productId(mesh, random)]), linkIds: new Set() }),
  'add a product': (mesh, random) =>
    withProductAdded(mesh, { domainId: pick(random, mesh.domains)?.id ?? '' })?.mesh ?? mesh,
  'move a product to the end': (mesh, random) => {
    const index = Math.floor(random() * mesh.products.length);
    const moved = mesh.products[index];
    return moved ? { ...mesh, products: [...mesh.products.toSpliced(index, 1), moved] } : mesh;
  },
  'bump a contract': (mesh, random) =>
    withContractChanged(mesh, random, (contract) => ({
      ...contract,
      version: pick(random, ['1.0.1', '2.0.0', '0.9.0']) as string,
    })),
  'classify or declassify a field': (mesh, random) =>
    withContractChanged(mesh, random, (contract) =>
      withFirstObject(contract, (object) => ({
        ...object,
        properties: object.properties.map((property) =>
          property.name !== 'email'
            ? property
            : { ...property, classification: pick(random, [undefined, 'pii', 'restricted']) },
        ),
      })),
    ),
  'rename a field': (mesh, random) =>
    withContractChanged(mesh, random, (contract) =>
      withFirstObject(contract, (object) => ({
        ...object,
        properties: object.properties.map((property, index) =>
          index === 1 ? { ...property, name: pick(random, ['email', 'mail', 'amount']) as string } : property,
        ),
      })),
    ),
  'drop a primary key': (mesh, random) =>
    withContractChanged(mesh, random, (contract) =>
      withFirstObject(contract, (object) => ({
        ...object,
        properties: object.properties.map((property) => ({ ...property, primaryKey: false })),
      })),
    ),
  'change a contract SLA': (mesh, random) =>
    withContractChanged(mesh, random, (contract) => ({
      ...contract,
      sla: [
        {
          property: pick(random, ['frequency', 'latency']) as string,
          value: pick(random, [1, 30, 90]) as number,
          unit: 'm',
        },
      ],
    })),
  'rename a contract': (mesh, random) =>
    withContractChanged(mesh, random, (contract) => ({
      ...contract,
      name: pick(random, ['Product 1 out', 'nul.txt', `Contract ${random()}`]) as string,
    })),
  'make a contract an event with history': (mesh, random) =>
    withContractChanged(mesh, random, (contract) => ({ ...contract, kind: 'event', keepHistory: random() < 0.5 })),
  'add a contract': (mesh, random) => ({
    ...mesh,
    contracts: [...mesh.contracts, aContract(`c-${mesh.contracts.length}-${random()}`)],
  }),
  'delete a contract': (mesh, random) => {
    const index = Math.floor(random() * mesh.contracts.length);
    return { ...mesh, contracts: mesh.contracts.toSpliced(index, 1) };
  },
  'rename or re-own a domain': (mesh, random) =>
    withDomainUpdated(mesh, pick(random, mesh.domains)?.id ?? '', {
      ...(random() < 0.5
        ? { name: pick(random, ['Sales', 'Billing', '../x']) as string }
        : { owner: pick(random, ['', 'team']) as string }),
    }),
  'rename a topic': (mesh, random) => ({
    ...mesh,
    systems: mesh.systems.map((system) => ({
      ...system,
      messaging: {
        ...system.messaging,
        topics: system.messaging.topics.map((topic, index) =>
          index === 0 ? { ...topic, name: pick(random, ['shop.items', 'shop.orders', 'aux']) as string } : topic,
        ),
      },
    })),
  }),
  'set a policy': (mesh, random) => {
    const ruleId = pick(random, RULES)?.id ?? 'owners';
    const entry = pick(random, ['info', 'warning', 'error', 'off', { severity: 'off' as const, reason: 'not yet' }]);
    return { ...mesh, policies: { rules: { ...mesh.policies.rules, [ruleId]: entry as 'info' } } };
  },
  'apply a fix': (mesh) => {
    const fix = validateMesh(mesh).find((finding) => finding.fix)?.fix;
    return fix ? applyFix(mesh, fix) : mesh;
  },
  'move a node': (mesh, random) =>
    withPositions(mesh, new Map([[productId(mesh, random), { x: random() * 500, y: 0 }]])),
  undo: (mesh, random, history) => pick(random, history.slice(-5)) ?? mesh,
  // What changed is found against the last mesh validated, whichever document it was (the CLI, a baseline).
  'validate another document meanwhile': (mesh) => {
    const other = aGovernedMesh();
    validateMesh(other);
    analyzeImpact(other, { kind: 'product', productId: 'customers' });
    return mesh;
  },
};

const ORIGINS: ImpactOrigin[] = [
  { kind: 'field', contractId: 'p0-out', object: 'p0_out', field: 'email' },
  { kind: 'field', contractId: 'customer', object: 'customers', field: 'email' },
  { kind: 'product', productId: 'p1' },
  { kind: 'port', productId: 'p3', portId: 'in-1' },
];

const BASES: Record<string, () => Mesh> = {
  'nine products': aMeshOfNineProducts,
  'the e-commerce sample': ecommerce,
  'the governed mesh': aGovernedMesh,
};

describe('validation after edits gives what a validation from scratch gives', () => {
  it.each(Object.keys(BASES).flatMap((base) => [1, 2, 3].map((seed) => [base, seed] as const)))(
    '%s, random edits (seed %i)',
    (base, seed) => {
      const random = randomStream(seed);
      const baseline = BASES[base]?.() as Mesh;
      const history: Mesh[] = [baseline];
      const steps: Array<{ edit: string; mesh: Mesh; findings: unknown; impacts: unknown }> = [];
      let mesh = baseline;
      for (let step = 0; step < 100; step++) {
        const edit = pick(random, Object.keys(EDITS)) as string;
        mesh = (EDITS[edit] as Edit)(mesh, random, history);
        history.push(mesh);
        // As the app does: every edit validated (against the saved version), impacts asked on the edited mesh.
        const findings = validateMesh(mesh, { baseline });
        const impacts = ORIGINS.map((origin) => analyzeImpact(mesh, origin));
        steps.push({ edit, mesh, findings, impacts });
      }
      // From scratch: copies share no object with anything validated before, so nothing remembered applies.
      for (const [index, { edit, mesh: edited, findings, impacts }] of steps.entries()) {
        const copy = structuredClone(edited);
        const fresh = validateMesh(copy, { baseline: structuredClone(baseline) });
        expect(findings, `after step ${index} (${edit})`).toEqual(fresh);
        expect(impacts, `impacts after step ${index} (${edit})`).toEqual(
          ORIGINS.map((origin) => analyzeImpact(copy, origin)),
        );
      }
      expect(new Set(steps.map((step) => step.edit)).size).toBeGreaterThan(20);
    },
    // A hundred edits, each validated twice: generous on a loaded machine; nothing here is timed.
    120_000,
  );

  it('finds the same after a product edit whether or not only some rules ran before', () => {
    const mesh = aMeshOfNineProducts();
    validateMesh(mesh, { ruleIds: ['owners'] });
    const edited = withProductUpdated(mesh, 'p2', { name: 'Product 1' });
    expect(validateMesh(edited)).toEqual(validateMesh(structuredClone(edited)));
  });
});
