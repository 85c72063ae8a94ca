import type { LogRecord } from './log-reader';
import type { ResentRecords } from './simulation-metrics';

/**
 * Which kind of fault sent a record again, a redelivery or an out-of-order burst, by where the
 * copy itself went (a burst may take up a redelivery's copies, so a first delivery can have
 * copies of both kinds); undefined where no fault of its log's topic sent it.
 */
export function resendKindOf(
  log: string,
  record: Pick<LogRecord, 'partition' | 'offset' | 'firstDelivery'>,
  resent: readonly ResentRecords[],
): ResentRecords['kind'] | undefined {
  if (!record.firstDelivery) return undefined;
  return resent.find(
    (fault) =>
      `${fault.systemId}/${fault.topicId}` === log &&
      fault.sent.some((sent) => sent.partition === record.partition && sent.sentAgainAt === record.offset),
  )?.kind;
}
