import type { Mesh } from '../../../shared/model/mesh';
import { aContract, aMesh, aProduct, aSystem, withTransformationSql } from './builders';

/**
 * A bank: accounts, their transactions and the branches they are kept at, captured from the core
 * banking system; an aggregate product joining them (a running balance per account with window
 * functions, balances per account, counts and sums per branch, and per region through a chain of
 * joins); and a consumer raising alerts on balances.
 */
export function bankMesh(): Mesh {
  const bank = aSystem('core-banking')
    .withTable('accounts', { account_id: 'integer', owner: 'text', branch: 'text', status: 'text' })
    .withTable('transactions', { txn_id: 'integer', account_id: 'integer', amount: 'real', booked_at: 'timestamp' })
    .withTable('branches', { branch: 'text', region: 'text' })
    .withCdcTopic('accounts-cdc', 'accounts', { tombstones: true, partitions: 2 })
    .withCdcTopic('transactions-cdc', 'transactions', { tombstones: true, partitions: 3 })
    .withCdcTopic('branches-cdc', 'branches');
  const branch = aContract('branch', 'entity', 'branches').withKey('branch', 'string').withProperty('region', 'string');
  const account = aContract('account', 'entity', 'accounts')
    .withKey('account_id', 'integer')
    .withProperty('owner', 'string')
    .withProperty('branch', 'string')
    .withProperty('status', 'string')
    .keepingHistory();
  const transaction = aContract('transaction', 'entity', 'transactions')
    .withKey('txn_id', 'integer')
    .withProperty('account_id', 'integer')
    .withProperty('amount', 'number')
    .withProperty('booked_at', 'timestamp');
  const activity = aContract('activity', 'entity', 'account_activity')
    .withKey('txn_id', 'integer')
    .withProperty('account_id', 'integer')
    .withProperty('branch', 'string')
    .withProperty('amount', 'number')
    .withProperty('running_balance', 'number')
    .withProperty('account_txns', 'integer');
  const balance = aContract('balance', 'entity', 'account_balances')
    .withKey('account_id', 'integer')
    .withProperty('owner', 'string')
    .withProperty('branch', 'string')
    .withProperty('txn_count', 'integer')
    .withProperty('balance', 'number');
  const branchTotal = aContract('branch-total', 'entity', 'branch_totals')
    .withKey('branch', 'string')
    .withProperty('txns', 'integer')
    .withProperty('booked', 'integer')
    .withProperty('amount', 'number')
    .withProperty('id_total', 'number')
    .withProperty('debit_ids', 'integer');
  const regionTotal = aContract('region-total', 'entity', 'region_totals')
    .withKey('region', 'string')
    .withProperty('accounts', 'integer')
    .withProperty('amount', 'number');
  const alert = aContract('alert', 'entity', 'alerts')
    .withKey('account_id', 'integer')
    .withProperty('owner', 'string')
    .withProperty('balance', 'number')
    .withProperty('reason', 'string');
  return aMesh()
    .with(
      bank,
      aProduct('accounts').withInput('accounts-in').withOutput('accounts-out', 'account'),
      aProduct('transactions').withInput('transactions-in').withOutput('transactions-out', 'transaction'),
      aProduct('branches').withInput('branches-in').withOutput('branches-out', 'branch'),
      aProduct('balances', 'aggregate')
        .withInput('accounts-in')
        .withInput('transactions-in')
        .withInput('branches-in')
        .withTransformation(
          'account_activity',
          `SELECT t.txn_id, t.account_id, a.branch, t.amount,
  SUM(t.amount) OVER (PARTITION BY t.account_id ORDER BY t.booked_at, t.txn_id) AS running_balance,
  COUNT(*) OVER (PARTITION BY t.account_id) AS account_txns
FROM transactions t JOIN accounts a ON a.account_id = t.account_id
WHERE a.status <> 'closed'`,
        )
        .withTransformation(
          'account_balances',
          `SELECT a.account_id, a.owner, a.branch, COUNT(t.txn_id) AS txn_count, COALESCE(SUM(t.amount), 0) AS balance
FROM accounts a LEFT JOIN transactions t ON t.account_id = a.account_id
GROUP BY a.account_id, a.owner, a.branch`,
        )
        // Grouped by a column of the joined table, with sums of REALs and of integers that may all be NULL.
        .withTransformation(
          'branch_totals',
          `SELECT a.branch, COUNT(*) AS txns, COUNT(t.booked_at) AS booked, SUM(t.amount) AS amount,
  TOTAL(t.txn_id) AS id_total, SUM(CASE WHEN t.amount < 0 THEN t.txn_id END) AS debit_ids
FROM transactions t JOIN accounts a ON a.account_id = t.account_id
WHERE a.status <> 'closed'
GROUP BY a.branch`,
        )
        // A region is two joins away from a transaction: through its account, then its branch.
        .withTransformation(
          'region_totals',
          `SELECT b.region, COUNT(DISTINCT a.account_id) AS accounts, ROUND(SUM(t.amount), 2) AS amount
FROM transactions t JOIN accounts a ON a.account_id = t.account_id JOIN branches b ON b.branch = a.branch
GROUP BY b.region`,
        )
        .withOutput('activity-out', 'activity')
        .withOutput('balances-out', 'balance')
        .withOutput('branch-totals-out', 'branch-total')
        .withOutput('region-totals-out', 'region-total'),
      aProduct('alerts', 'consumer-aligned')
        .withInput('balances-in')
        .withTransformation(
          'alerts',
          `SELECT account_id, owner, balance, CASE WHEN balance < 0 THEN 'overdrawn' ELSE 'large' END AS reason
FROM account_balances WHERE balance < 0 OR balance > 500`,
        )
        .withOutput('alerts-out', 'alert'),
      account,
      transaction,
      activity,
      balance,
      branchTotal,
      regionTotal,
      branch,
      alert,
    )
    .withLink('core-banking/accounts-cdc', 'accounts/accounts-in')
    .withLink('core-banking/transactions-cdc', 'transactions/transactions-in')
    .withLink('core-banking/branches-cdc', 'branches/branches-in')
    .withLink('branches/branches-out', 'balances/branches-in')
    .withLink('accounts/accounts-out', 'balances/accounts-in')
    .withLink('transactions/transactions-out', 'balances/transactions-in')
    .withLink('balances/balances-out', 'alerts/balances-in')
    .build();
}

/** The bank mesh with the SQL of some of its balances product's steps replaced, by step name. */
export function bankMeshWithSql(sqlByStep: Record<string, string>): Mesh {
  return withTransformationSql(bankMesh(), sqlByStep);
}
