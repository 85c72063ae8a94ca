import { nearMiss } from '../model/near-miss';
import type { BrokerLog } from './broker-log';
import { quoteIdentifier } from './sql-text';

/**
 * SQLite's `no such table: X`, followed by the table the query most likely meant. A topic's table
 * in the broker schema is named `<systemId>/<topicId>` (a port's `<productId>/<portId>`), not after
 * the topic, so the topic's name (`fleet.public.haul_cycles`) leads to its table too, also when
 * written unquoted after `broker.` or alone, which SQLite refuses as `near ".": syntax error` (`sql`
 * is the query, to find the name in).
 */
export function withMissingTableHint(
  message: string,
  tables: { brokerLogs: readonly Pick<BrokerLog, 'table' | 'name'>[]; nodeTables: readonly string[] },
  sql = '',
): string {
  if (message === DOTTED_NAME_ERROR) return withDottedNameHint(message, sql, tables);
  const missing = /^no such table: (?:(broker|node|main)\.)?(.+)$/s.exec(message);
  if (!missing?.[2]) return message;
  const [, schema, typed] = missing;
  const brokerTable = schema === 'node' ? undefined : nearestBrokerTable(typed, tables.brokerLogs);
  const nodeTable = schema === 'broker' ? undefined : nearestNodeTable(typed, tables.nodeTables);
  const meant = brokerTable ? `broker.${quoteIdentifier(brokerTable)}` : nodeTable;
  const naming = schema === 'broker' ? BROKER_NAMING : '';
  return meant ? `${message}: did you mean ${meant}?${naming}` : `${message}${naming ? `.${naming}` : ''}`;
}

/**
 * The node's table the typed name is or misspells, also when qualified as its engine names it
 * (`public.orders`, `dbo.scans`): the simulator keeps a node's tables unqualified.
 */
function nearestNodeTable(typed: string, nodeTables: readonly string[]): string | undefined {
  const unqualified = typed.slice(typed.lastIndexOf('.') + 1);
  return nearMiss(typed, nodeTables) ?? nearMiss(unqualified, nodeTables);
}

const DOTTED_NAME_ERROR = 'near ".": syntax error';

/**
 * An unquoted name of three or more dotted parts (`broker.fleet.public.haul_cycles`), not inside
 * another name. A part may hold hyphens, as Kafka topic names do (`guests.events.guest-accredited`),
 * though SQL would read them as minus signs: the name is only kept when it names a topic.
 */
const DOTTED_NAME = /(?<![\w$."-])[A-Za-z_][\w$]*(?:-[\w$]+)*(?:\.[A-Za-z_][\w$]*(?:-[\w$]+)*){2,}/g;

/** The topic's table a dotted name meant, else the node's table a `database.schema.table` name (SQL Server's) meant. */
function withDottedNameHint(
  message: string,
  sql: string,
  tables: { brokerLogs: readonly Pick<BrokerLog, 'table' | 'name'>[]; nodeTables: readonly string[] },
) {
  const dottedNames = [...sql.matchAll(DOTTED_NAME)].map(([dotted]) => dotted);
  for (const dotted of dottedNames) {
    const table = nearestBrokerTable(dotted.replace(/^broker\./i, ''), tables.brokerLogs);
    if (table) return `${message}: did you mean broker.${quoteIdentifier(table)}?`;
  }
  for (const dotted of dottedNames) {
    const table = nearestNodeTable(dotted, tables.nodeTables);
    if (table) return `${message}: did you mean ${table}?`;
  }
  return message;
}

const BROKER_NAMING =
  ' Broker tables are named "<system>/<topic id>" or "<product>/<port id>", in double quotes; broker.sqlite_master lists them.';

/** The broker table whose name, or whose topic's name, the typed name equals or misspells. */
function nearestBrokerTable(typed: string, logs: readonly Pick<BrokerLog, 'table' | 'name'>[]): string | undefined {
  const byTopic = nearMiss(
    typed,
    logs.map((log) => log.name),
  );
  const byTable = nearMiss(
    typed,
    logs.map((log) => log.table),
  );
  return logs.find((log) => log.name === byTopic)?.table ?? byTable;
}
