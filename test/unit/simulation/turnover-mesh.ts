import { isMeasure } from '../../../shared/contracts/measures';
import type { Contract, ContractProperty, Mesh } from '../../../shared/model';
import { measuresAndDimensionsContract } from '../export/unseen-meshes';
import { aMesh, aProduct, aScenario, aSystem } from './builders';

/** The standard's turnover columns and dimensions, but none of its measures, as a sales product computes them from orders. */
export const TURNOVER_SQL = `SELECT CAST(id AS TEXT) AS order_id, date('2026-01-05') AS turnover_ts, amount AS turnover_euros,
  country AS country_code, country AS country_code_dim, date('2026-01-01') AS order_month FROM orders`;

/** Three orders of 12.50 euros from the Netherlands on the first tick. */
export const THREE_ORDERS = aScenario()
  .withData('shop', 'orders', 3, {
    id: { kind: 'sequence', start: 1 },
    amount: { kind: 'oneOf', values: [12.5] },
    country: { kind: 'oneOf', values: ['NL'] },
  })
  .build();

/**
 * A shop's orders feed a `sales` product whose step `turnover` (`sql`) makes the table its port
 * `turnover-out` publishes under the ODCS 3.2 example of measures and dimensions, its measures
 * changed by `editMeasure`; with the `THREE_ORDERS` scenario, which validation needs to check steps.
 */
export function aTurnoverMesh({
  sql = TURNOVER_SQL,
  editMeasure = () => {},
  editContract = () => {},
}: {
  sql?: string;
  editMeasure?: (measure: ContractProperty) => void;
  editContract?: (contract: Contract) => void;
} = {}): Mesh {
  const contract = measuresAndDimensionsContract();
  for (const property of contract.schema[0]?.properties ?? []) if (isMeasure(property)) editMeasure(property);
  editContract(contract);
  const mesh = aMesh()
    .with(
      aSystem('shop')
        .withTable('orders', { id: 'integer', amount: 'real', country: 'text' })
        .withCdcTopic('orders-cdc', 'orders'),
      aProduct('sales').withInput('orders-in').withTransformation('turnover', sql).withOutput('turnover-out'),
    )
    .withLink('shop/orders-cdc', 'sales/orders-in')
    .build();
  const [sales] = mesh.products;
  const [port] = sales?.outputPorts ?? [];
  if (port) port.contractId = contract.id;
  return { ...mesh, contracts: [contract], scenarios: [THREE_ORDERS] };
}
