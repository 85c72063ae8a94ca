import type { Mesh } from '../../../shared/model/mesh';
import { aContract, aMesh, aProduct, aSystem } from './builders';

export const SHOP = 'Bäckerei_Kasse.v2';

/**
 * A mesh whose names a SQL writer trips on: a system id with a dot and an underscore, topics and
 * ports in kebab-case and snake_case, a table called `order` whose columns are SQL keywords
 * (`order`, `group`, `from`), a column with a space and one with quotes, and a tariff table whose
 * own columns are called `valid_from` and `valid_to`.
 */
export function awkwardMesh(): Mesh {
  const till = aSystem(SHOP)
    .withTable('order', { order: 'integer', group: 'text', from: 'text', 'unit price': 'real', 'it\'s "x"': 'text' })
    .withTable('tariff', {
      tariff_id: 'integer',
      price: 'real',
      valid_from: 'date',
      valid_to: 'date',
      is_current: 'boolean',
    })
    .withCdcTopic('order_cdc', 'order', { partitions: 5, tombstones: true })
    .withCdcTopic('tariff-cdc', 'tariff');
  const order = aContract('order', 'entity', 'order')
    .withKey('order', 'integer')
    .withProperty('group', 'string')
    .withProperty('from', 'string')
    .withProperty('unit price', 'number')
    .withProperty('it\'s "x"', 'string')
    .keepingHistory();
  const tariff = aContract('tariff', 'entity', 'tariff')
    .withKey('tariff_id', 'integer')
    .withProperty('price', 'number')
    .withProperty('valid_from', 'date')
    .withProperty('valid_to', 'date')
    .withProperty('is_current', 'boolean')
    .keepingHistory();
  const perGroup = aContract('per-group', 'entity', 'select')
    .withKey('group', 'string')
    .withProperty('orders', 'integer')
    .withProperty('from', 'string');
  return aMesh()
    .with(
      till,
      aProduct('order_book').withInput('order-in').withOutput('order_out', 'order'),
      aProduct('tariffs').withInput('tariff_in').withOutput('tariff-out', 'tariff'),
      aProduct('by-group', 'aggregate')
        .withInput('order.in')
        .withTransformation(
          'select',
          `SELECT "group", COUNT(*) AS orders, max("from") AS "from" FROM "order" GROUP BY "group"`,
        )
        .withOutput('select', 'per-group'),
      order,
      tariff,
      perGroup,
    )
    .withLink(`${SHOP}/order_cdc`, 'order_book/order-in')
    .withLink(`${SHOP}/tariff-cdc`, 'tariffs/tariff_in')
    .withLink('order_book/order_out', 'by-group/order.in')
    .build();
}
