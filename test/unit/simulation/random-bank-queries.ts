import { seededRandom } from '../../../shared/simulation/seeded-random';

type Random = ReturnType<typeof seededRandom>;

/**
 * SQL for the bank mesh's three cut-by-unit steps, drawn at random from the shapes SQLite reads
 * in ways easy to get wrong: every kind of join and join condition (none at all, `IS NOT
 * DISTINCT FROM`), GROUP BY by ordinal, by alias and by a bare name that is a column before it is
 * an alias, aggregates and windows with FILTER, subqueries, and keys that repeat across units.
 * The same seed gives the same SQL.
 */
export function randomBankQueries(
  seed: number,
): Record<'account_balances' | 'branch_totals' | 'account_activity', string> {
  const random = seededRandom(seed, 'queries');
  return {
    account_balances: balancesSql(random),
    branch_totals: branchTotalsSql(random),
    account_activity: activitySql(random),
  };
}

function balancesSql(random: Random): string {
  const on = random.pick([
    't.account_id = a.account_id',
    't.account_id IS NOT DISTINCT FROM a.account_id',
    't.account_id = a.account_id AND t.amount > 0',
    `t.account_id = a.account_id AND a.status <> 'closed'`,
  ]);
  const from = random.pick([
    `accounts a LEFT JOIN transactions t ON ${on}`,
    `accounts a JOIN transactions t ON ${on}`,
    `transactions t RIGHT JOIN accounts a ON ${on}`,
    'accounts a LEFT JOIN transactions t USING (account_id)',
    'accounts a NATURAL LEFT JOIN transactions t',
    'accounts a CROSS JOIN transactions t',
  ]);
  const where = random.pick([
    '',
    `WHERE a.status <> 'closed'`,
    'WHERE a.account_id % 2 = 0',
    'WHERE EXISTS (SELECT 1 FROM branches b WHERE b.branch = a.branch)',
  ]);
  const txnCount = random.pick([
    'COUNT(t.txn_id)',
    'COUNT(*)',
    'COUNT(DISTINCT t.amount)',
    'COUNT(t.txn_id) FILTER (WHERE t.amount < 0)',
  ]);
  const balance = random.pick([
    'COALESCE(SUM(t.amount), 0)',
    'TOTAL(t.amount)',
    'ROUND(AVG(t.amount), 2)',
    'MAX(t.amount)',
  ]);
  const groupBy = random.pick(['a.account_id, a.owner, a.branch', 'a.account_id', '1']);
  const having = random.pick(['', 'HAVING COUNT(t.txn_id) > 0']);
  return `SELECT a.account_id, a.owner, a.branch, ${txnCount} AS txn_count, ${balance} AS balance
FROM ${from} ${where}
GROUP BY ${groupBy} ${having}`;
}

function branchTotalsSql(random: Random): string {
  const from = random.pick([
    'transactions t JOIN accounts a ON a.account_id = t.account_id',
    'accounts a JOIN transactions t ON t.account_id = a.account_id',
    'accounts a, transactions t WHERE t.account_id = a.account_id',
    'branches b LEFT JOIN accounts a ON a.branch = b.branch LEFT JOIN transactions t ON t.account_id = a.account_id',
  ]);
  const isBranchFirst = from.startsWith('branches');
  const branch = isBranchFirst ? 'b.branch' : random.pick(['a.branch', `COALESCE(a.branch, 'none')`]);
  // A bare `branch` is the accounts' column, not the output's alias, as SQLite reads it.
  const groupBy = random.pick([branch, '1', ...(isBranchFirst ? [] : ['branch'])]);
  const amount = random.pick(['SUM(t.amount)', 'TOTAL(t.amount)', 'ROUND(AVG(t.amount), 2)', 'MAX(t.amount)']);
  const debitIds = random.pick([
    'SUM(CASE WHEN t.amount < 0 THEN t.txn_id END)',
    'COUNT(*) FILTER (WHERE t.amount < 0)',
  ]);
  return `SELECT ${branch} AS branch, COUNT(*) AS txns, COUNT(t.booked_at) AS booked, ${amount} AS amount,
  TOTAL(t.txn_id) AS id_total, ${debitIds} AS debit_ids
FROM ${from}
GROUP BY ${groupBy}`;
}

function activitySql(random: Random): string {
  const from = random.pick([
    'transactions t JOIN accounts a ON a.account_id = t.account_id',
    'transactions t LEFT JOIN accounts a ON a.account_id = t.account_id',
    'transactions t LEFT JOIN accounts a ON a.account_id IS NOT DISTINCT FROM t.account_id',
    'accounts a RIGHT JOIN transactions t ON t.account_id = a.account_id',
    'transactions t JOIN accounts a USING (account_id)',
  ]);
  const key = random.pick(['t.txn_id', 't.txn_id + t.account_id * 100', 'CAST(t.amount AS INTEGER)']);
  const running = random.pick([
    'SUM(t.amount) OVER (PARTITION BY t.account_id ORDER BY t.txn_id)',
    'SUM(t.amount) FILTER (WHERE t.amount > 0) OVER (PARTITION BY t.account_id ORDER BY t.txn_id)',
    'LAG(t.amount) OVER (PARTITION BY t.account_id ORDER BY t.txn_id)',
    't.amount',
    // SQLite's scalar max and min: a value per row, not an aggregate.
    'MAX(t.amount, 0) + MIN(t.amount, t.txn_id)',
  ]);
  return `SELECT ${key} AS txn_id, t.account_id, a.branch, t.amount, ${running} AS running_balance,
  COUNT(*) OVER (PARTITION BY t.account_id) AS account_txns
FROM ${from}
${random.pick(['', `WHERE a.status <> 'closed'`, `WHERE a.branch IN (SELECT branch FROM branches WHERE region <> 'E')`])}`;
}
