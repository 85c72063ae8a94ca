import type { CdcTopicPlan, OutboxTopicPlan } from './log-plan';
import { firstRecordOfWrite, type LogRecord, type RunQuery, writeOf } from './log-reader';
import type { PipelinePlan } from './pipeline-plan';

export type SourceTopic = CdcTopicPlan | OutboxTopicPlan;

/** Where one service write went: a topic of its system and the record it sent there. */
export interface WriteBranch {
  topic: SourceTopic;
  record: LogRecord;
}

/**
 * Every record the write behind `record` sent, looked up by that write (`_write`), one per topic:
 * the record itself first, then its CDC records and its outbox events on the system's other
 * topics of the same table (each event's first delivery). A write whose records keep no write
 * (no outbox event could share it) has the one branch.
 */
export function branchesOfWrite(
  plan: PipelinePlan,
  query: RunQuery,
  topic: SourceTopic,
  record: LogRecord,
): WriteBranch[] {
  const started: WriteBranch = { topic, record };
  const write = writeOf(query, topic.log, record.position);
  const system = plan.systems.find((candidate) => [...candidate.cdcTopics, ...candidate.outboxTopics].includes(topic));
  if (write === undefined || !system) return [started];
  const others = [...system.cdcTopics, ...system.outboxTopics].filter(
    (candidate) => candidate.table.name === topic.table.name && candidate.log.table !== topic.log.table,
  );
  return [
    started,
    ...others.flatMap((other) => {
      const sent = firstRecordOfWrite(query, other.log, write);
      return sent ? [{ topic: other, record: sent }] : [];
    }),
  ];
}

export function isOutboxTopic(topic: SourceTopic): topic is OutboxTopicPlan {
  return 'event' in topic;
}
