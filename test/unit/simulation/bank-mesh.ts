import type { Mesh } from '../../../shared/model/mesh';
import { aContract, aMesh, aProduct, aSystem } from './builders';

/**
 * A bank: accounts and their transactions captured from the core banking system, an aggregate
 * product joining both (a running balance per account with window functions, and balances per
 * account), and a consumer raising alerts on balances.
 */
export function bankMesh(): Mesh {
  const bank = aSystem('core-banking')
    .withTable('accounts', { account_id: 'integer', owner: 'text', branch: 'text', status: 'text' })
    .withTable('transactions', { txn_id: 'integer', account_id: 'integer', amount: 'real', booked_at: 'timestamp' })
    .withCdcTopic('accounts-cdc', 'accounts', { tombstones: true, partitions: 2 })
    .withCdcTopic('transactions-cdc', 'transactions', { tombstones: true, partitions: 3 });
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
      aProduct('balances', 'aggregate')
        .withInput('accounts-in')
        .withInput('transactions-in')
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
        .withOutput('activity-out', 'activity')
        .withOutput('balances-out', 'balance'),
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
      alert,
    )
    .withLink('core-banking/accounts-cdc', 'accounts/accounts-in')
    .withLink('core-banking/transactions-cdc', 'transactions/transactions-in')
    .withLink('accounts/accounts-out', 'balances/accounts-in')
    .withLink('transactions/transactions-out', 'balances/transactions-in')
    .withLink('balances/balances-out', 'alerts/balances-in')
    .build();
}
