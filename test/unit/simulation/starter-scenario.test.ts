import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../../shared/simulation/scenario-check';
import { starterScenario } from '../../../shared/simulation/starter-scenario';
import { aContract, aMesh, aProduct, aScenario, aShopMesh, aSystem, rowsOf, simulate } from './builders';

/** Customers in one service, orders referring to them in another; a product publishing orders under a contract. */
function twoServices() {
  return aMesh()
    .with(
      aSystem('customers-service')
        .withTable('customers', { customer_id: 'integer', full_name: 'text', email: 'text', city: 'text' })
        .withCdcTopic('customers-cdc', 'customers'),
      aSystem('orders-service')
        .withTable('orders', {
          order_id: 'integer',
          customer_id: 'integer',
          status: 'text',
          total: 'real',
          placed_at: 'timestamp',
        })
        .withCdcTopic('orders-cdc', 'orders')
        .withTable('audit', { id: 'integer', note: 'text' }),
      aProduct('sales').withInput('orders-in').withOutput('orders-out', 'order'),
      aContract('order', 'entity', 'orders')
        .withKey('order_id', 'integer')
        .withProperty('customer_id', 'integer', { required: true })
        .withProperty('status', 'string', { required: true, enum: ['placed', 'paid'] })
        .withProperty('total', 'number', { required: true }),
    )
    .withLink('orders-service/orders-cdc', 'sales/orders-in')
    .build();
}

describe('a starter scenario generated from the design', () => {
  it('says what it generated: rows per table, and an insert and an update per tick where each can be made', () => {
    expect(starterScenario(twoServices()).description).toBe(
      'Generated from the design: 5 rows per table, one insert and one update per tick into each table a topic reads.',
    );
  });

  it('says why a table gets no updates, and what would give it some', () => {
    const mesh = aMesh()
      .with(
        aSystem('webshop')
          .withTable('items', { id: 'integer' })
          .withCdcTopic('items-cdc', 'items')
          .withTable('customers', { customer_id: 'integer', name: 'text' })
          .withCdcTopic('customers-cdc', 'customers')
          .withTable('orders', { order_id: 'integer', customer_id: 'integer' })
          .withCdcTopic('orders-cdc', 'orders'),
      )
      .build();
    const scenario = starterScenario(mesh);
    expect(scenario.rates.map((rate) => rate.updatesPerTick)).toEqual([0, 1, 0]);
    expect(scenario.description).toBe(
      'Generated from the design: 5 rows per table, one insert per tick into each table a topic reads, and one update where a table has a column to change. ' +
        'No updates: items has only key columns, orders only key columns and references to other tables; add columns to see u records.',
    );
  });

  it('refers to another table’s key only from a column of a type that holds its values', () => {
    const mesh = aMesh()
      .with(
        aSystem('shop')
          .withTable('customers', { customer_id: 'integer', name: 'text' })
          .withTable('orders', { order_id: 'integer', customer_id: 'text' }),
      )
      .build();
    const scenario = starterScenario(mesh);

    expect(scenario.data.find((entry) => entry.table === 'orders')?.generators.customer_id?.kind).not.toBe('reference');
    expect(checkScenario(mesh, scenario, 'scenarios[0]')).toEqual([]);
  });

  it('fills every table by what its columns hold and is accepted as it is', () => {
    const mesh = twoServices();
    const scenario = starterScenario(mesh);

    expect(checkScenario(mesh, scenario, 'scenarios[0]')).toEqual([]);
    expect(scenario.data.map(({ systemId, table, initialRows }) => `${systemId}/${table} ${initialRows}`)).toEqual([
      'customers-service/customers 5',
      'orders-service/orders 5',
      'orders-service/audit 5',
    ]);
    expect(scenario.data[0]?.generators).toEqual({
      full_name: { kind: 'fake', what: 'fullName' },
      email: { kind: 'fake', what: 'email' },
      city: { kind: 'fake', what: 'city' },
    });
    expect(scenario.data[1]?.generators).toEqual({
      customer_id: { kind: 'reference', table: 'customers', column: 'customer_id' },
      status: { kind: 'oneOf', values: ['placed', 'paid'] },
      total: { kind: 'decimal', min: 0, max: 1000, scale: 2 },
      placed_at: { kind: 'now' },
    });
  });

  it('takes a name and an id no scenario of the design has, so a design can hold a second one', () => {
    const mesh = twoServices();
    const first = starterScenario(mesh);
    const withFirst = { ...mesh, scenarios: [first] };
    const second = starterScenario(withFirst);
    const third = starterScenario({ ...withFirst, scenarios: [first, second] });

    expect([first, second, third].map(({ id, name }) => `${id} ${name}`)).toEqual([
      'scenario Scenario',
      'scenario-2 Scenario 2',
      'scenario-3 Scenario 3',
    ]);
  });

  it('changes only the tables that feed a topic, and never their keys or references', () => {
    const scenario = starterScenario(twoServices());

    expect(scenario.rates).toEqual([
      {
        systemId: 'customers-service',
        table: 'customers',
        insertsPerTick: 1,
        updatesPerTick: 1,
        deletesPerTick: 0,
        updateColumns: ['full_name', 'email', 'city'],
      },
      {
        systemId: 'orders-service',
        table: 'orders',
        insertsPerTick: 1,
        updatesPerTick: 1,
        deletesPerTick: 0,
        updateColumns: ['status', 'total', 'placed_at'],
      },
    ]);
  });

  it('moves data through the mesh at once, inside the contracts', async () => {
    const mesh = twoServices();
    const simulation = await simulate(mesh, starterScenario(mesh));
    const metrics = simulation.step(3);

    const orders = rowsOf(simulation, 'sales', 'SELECT * FROM orders ORDER BY order_id');
    expect(orders).toHaveLength(8);
    for (const order of orders) {
      expect(['placed', 'paid']).toContain(order.status);
      expect(order.customer_id).toEqual(expect.any(Number));
    }
    expect(metrics.ports['sales/orders-out']?.quarantined).toBe(0);
    simulation.dispose();
  });

  it('gives a table’s later timestamps a time after its first, so a booking ends after it starts', async () => {
    const mesh = aMesh()
      .with(
        aSystem('booking-service')
          .withTable('bookings', { id: 'integer', ends_at: 'timestamp', starts_at: 'timestamp', lane: 'integer' })
          .withCdcTopic('bookings-cdc', 'bookings'),
      )
      .build();
    const scenario = starterScenario(mesh);
    expect(checkScenario(mesh, scenario, 'scenarios[0]')).toEqual([]);
    expect(scenario.data[0]?.generators).toMatchObject({
      starts_at: { kind: 'now' },
      ends_at: { kind: 'now', laterByMinutes: { min: 30, max: 120 } },
    });
    expect(scenario.data[0]?.generators.starts_at).not.toHaveProperty('laterByMinutes');

    const simulation = await simulate(mesh, scenario);
    simulation.step(3);
    const rows = rowsOf(simulation, 'booking-service', 'SELECT starts_at, ends_at FROM bookings');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(String(row.ends_at) > String(row.starts_at)).toBe(true);
    simulation.dispose();
  });

  it('draws numbers within the bounds the contracts set, so its rows keep them', async () => {
    const mesh = aMesh()
      .with(
        aSystem('clinic')
          .withTable('patients', { id: 'integer', age: 'integer', weight: 'real', score: 'integer' })
          .withCdcTopic('patients-cdc', 'patients'),
        aProduct('care').withInput('patients-in').withOutput('patients-out', 'patient'),
        aContract('patient', 'entity', 'patients')
          .withKey('id', 'integer')
          .withProperty('age', 'integer', { required: true, logicalTypeOptions: { minimum: 18, maximum: 120 } })
          .withProperty('weight', 'number', { logicalTypeOptions: { exclusiveMinimum: 0, exclusiveMaximum: 400 } })
          .withProperty('score', 'integer', { logicalTypeOptions: { maximum: -5 } }),
      )
      .withLink('clinic/patients-cdc', 'care/patients-in')
      .build();
    const scenario = starterScenario(mesh);
    expect(scenario.data[0]?.generators).toMatchObject({
      age: { kind: 'integer', min: 18, max: 120 },
      weight: { kind: 'decimal', min: 0.01, max: 399.99, scale: 2 },
      score: { kind: 'integer', min: -1005, max: -5 },
    });

    const simulation = await simulate(mesh, scenario);
    const metrics = simulation.step(5);
    expect(metrics.ports['care/patients-out']).toMatchObject({ quarantined: 0 });
    expect(metrics.ports['care/patients-out']?.published).toBeGreaterThan(0);
    simulation.dispose();
  });

  it('gives a composite key’s reference column rows of the table it names, and keeps each key unique', async () => {
    const mesh = aMesh()
      .with(
        aSystem('inventory-service')
          .withTable('warehouses', { warehouse_id: 'integer', city: 'text' })
          .withCdcTopic('warehouses-cdc', 'warehouses')
          .withTable('stock_levels', { warehouse_id: 'integer', sku: 'text', quantity: 'integer' }, [
            'warehouse_id',
            'sku',
          ])
          .withCdcTopic('stock-cdc', 'stock_levels'),
      )
      .build();
    const scenario = starterScenario(mesh);
    expect(checkScenario(mesh, scenario, 'scenarios[0]')).toEqual([]);
    expect(scenario.data[1]?.generators).toMatchObject({
      warehouse_id: { kind: 'reference', table: 'warehouses', column: 'warehouse_id' },
      sku: { kind: 'uuid' },
    });

    const simulation = await simulate(mesh, scenario);
    const metrics = simulation.step(30);
    const orphans = rowsOf(
      simulation,
      'inventory-service',
      'SELECT * FROM stock_levels WHERE warehouse_id NOT IN (SELECT warehouse_id FROM warehouses)',
    );
    expect(metrics.errors).toEqual([]);
    expect(rowsOf(simulation, 'inventory-service', 'SELECT * FROM stock_levels')).toHaveLength(35);
    expect(orphans).toEqual([]);
    simulation.dispose();
  });

  it('says a link table has run out of unused key combinations, in words, not as a SQL constraint', async () => {
    const mesh = aMesh()
      .with(
        aSystem('campus-service')
          .withTable('students', { student_id: 'integer', full_name: 'text' })
          .withCdcTopic('students-cdc', 'students')
          .withTable('enrolments', { student_id: 'integer', course_code: 'integer' }, ['student_id', 'course_code'])
          .withCdcTopic('enrolments-cdc', 'enrolments'),
      )
      .build();
    const scenario = aScenario()
      .withData('campus-service', 'students', 2)
      .withData('campus-service', 'enrolments', 5, {
        student_id: { kind: 'reference', table: 'students', column: 'student_id' },
        course_code: { kind: 'oneOf', values: [1] },
      })
      .build();
    const simulation = await simulate(mesh, scenario);
    const messages = simulation.metrics().errors.map((error) => error.message);
    expect(messages[0]).toBe(
      'a new row of enrolments found no unused key in 8 draws: every combination of (student_id, course_code) drawn was taken; add rows to the tables its key comes from, widen its generators, or insert fewer rows here',
    );
    expect(rowsOf(simulation, 'campus-service', 'SELECT * FROM enrolments')).toHaveLength(2);
    simulation.dispose();
  });

  it('gives a key made only of references rows of the tables it names, so a join over it publishes', async () => {
    // Courses in one service; students and their enrolments (a many-to-many table keyed by both) in another.
    const mesh = aMesh()
      .with(
        aSystem('catalog-service')
          .withTable('courses', { course_code: 'text', title: 'text' })
          .withCdcTopic('courses-cdc', 'courses'),
        aSystem('campus-service')
          .withTable('students', { student_id: 'integer', full_name: 'text' })
          .withCdcTopic('students-cdc', 'students')
          .withTable('enrolments', { student_id: 'integer', course_code: 'text', grade: 'integer' }, [
            'student_id',
            'course_code',
          ])
          .withCdcTopic('enrolments-cdc', 'enrolments'),
        aProduct('class-lists', 'aggregate')
          .withInput('courses-in')
          .withInput('enrolments-in')
          .withTransformation(
            'class_sizes',
            'SELECT c.course_code, c.title, COUNT(*) AS students FROM enrolments e JOIN courses c ON c.course_code = e.course_code GROUP BY c.course_code, c.title',
          )
          .withOutput('sizes-out', 'class-size'),
        aContract('class-size', 'entity', 'class_sizes')
          .withKey('course_code', 'string')
          .withProperty('title', 'string')
          .withProperty('students', 'integer'),
      )
      .withLink('catalog-service/courses-cdc', 'class-lists/courses-in')
      .withLink('campus-service/enrolments-cdc', 'class-lists/enrolments-in')
      .build();
    const scenario = starterScenario(mesh);
    expect(checkScenario(mesh, scenario, 'scenarios[0]')).toEqual([]);
    expect(scenario.data[2]?.generators).toMatchObject({
      student_id: { kind: 'reference', table: 'students', column: 'student_id' },
      course_code: { kind: 'reference', table: 'courses', column: 'course_code' },
    });

    const simulation = await simulate(mesh, scenario);
    const metrics = simulation.step(20);
    const campus = (sql: string) => rowsOf(simulation, 'campus-service', sql);
    const courseCodes = rowsOf(simulation, 'catalog-service', 'SELECT course_code FROM courses').map(
      (course) => course.course_code,
    );
    const enrolments = campus('SELECT * FROM enrolments');
    expect(metrics.errors).toEqual([]);
    expect(enrolments).toHaveLength(25);
    expect(campus('SELECT * FROM enrolments WHERE student_id NOT IN (SELECT student_id FROM students)')).toEqual([]);
    for (const enrolment of enrolments) expect(courseCodes).toContain(enrolment.course_code);
    const published = rowsOf(simulation, 'class-lists', 'SELECT SUM(students) AS enrolled FROM class_sizes');
    expect(published).toEqual([{ enrolled: 25 }]);
    simulation.dispose();
  });

  it('draws the rows a reference reads first, so a table listed before the one it refers to refers to existing rows', async () => {
    const mesh = twoServices();
    mesh.systems.reverse();
    const scenario = starterScenario(mesh);
    expect(scenario.data.map((entry) => entry.table)).toEqual(['orders', 'audit', 'customers']);

    const simulation = await simulate(mesh, scenario);
    const customerIds = rowsOf(simulation, 'customers-service', 'SELECT customer_id FROM customers');
    const snapshotOrders = rowsOf(simulation, 'orders-service', 'SELECT customer_id FROM orders');

    expect(snapshotOrders).toHaveLength(5);
    for (const order of snapshotOrders) expect(customerIds).toContainEqual(order);
    simulation.dispose();
  });

  it('leaves a table without a topic still, and a design without systems empty', () => {
    const shop = aShopMesh().build();
    expect(starterScenario(shop).rates.map((rate) => rate.table)).toEqual(['items']);
    expect(starterScenario(aMesh().build())).toMatchObject({ data: [], rates: [], steps: [] });
  });
});
