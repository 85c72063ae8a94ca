import type { LogRecord } from './log-reader';
import type { ResentRecords } from './simulation-metrics';

/**
 * Which kind of fault sent a record again, by where it was first sent: a redelivery, or an
 * out-of-order burst; undefined where no fault of its log's topic sent it, or faults of both kinds did.
 */
export function resendKindOf(
  log: string,
  record: Pick<LogRecord, 'partition' | 'firstDelivery'>,
  resent: readonly ResentRecords[],
): ResentRecords['kind'] | undefined {
  const { firstDelivery } = record;
  if (!firstDelivery) return undefined;
  const kinds = new Set(
    resent
      .filter(
        (fault) =>
          `${fault.systemId}/${fault.topicId}` === log &&
          fault.sent.some((sent) => sent.partition === record.partition && sent.offset === firstDelivery.offset),
      )
      .map((fault) => fault.kind),
  );
  return kinds.size === 1 ? [...kinds][0] : undefined;
}
