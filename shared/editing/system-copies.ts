import type { OperationalSystem } from '../model';
import { clashFreeName, copyNumber } from './copy-names';
import { systemRenamed, systemWithDatabaseNamed } from './systems';

/**
 * A pasted or duplicated system called `name`, with names of its own so the design still exports:
 * service, database and streams named after the original's name follow the copy's, as on a
 * rename; a name another system has (one chosen by hand) takes the number the copy's name got
 * (`pms` → `pms_2` beside `Opera PMS 2`), or the next free one, after an underscore, never a space.
 */
export function systemCopyNamed(
  system: OperationalSystem,
  name: string,
  others: readonly OperationalSystem[],
): OperationalSystem {
  const number = copyNumber(name, system.name);
  const renamed = systemRenamed(system, name);
  const database = clashFreeName(
    renamed.database.name,
    others.map((other) => other.database.name),
    number,
    '_',
  );
  const withOwnDatabase = systemWithDatabaseNamed(renamed, database);
  // A service name that follows the system's (`Opera PMS 2`) is numbered as the name is; a machine name as the database is (`pms_2`).
  const serviceSeparator = /\s/.test(renamed.service.name) ? ' ' : '_';
  const service = clashFreeName(
    renamed.service.name,
    others.map((other) => other.service.name),
    number,
    serviceSeparator,
  );
  const takenTopics = others.flatMap((other) => other.messaging.topics.map((topic) => topic.name));
  const ownTopics = withOwnDatabase.messaging.topics.map((topic) => topic.name);
  const topics = withOwnDatabase.messaging.topics.map((topic, index) => {
    // Clear of the copy's other topics too, those numbered before this one included.
    const topicName = clashFreeName(
      topic.name,
      [...takenTopics, ...ownTopics.filter((_, other) => other !== index)],
      number,
      '_',
    );
    ownTopics[index] = topicName;
    return topicName === topic.name ? topic : { ...topic, name: topicName };
  });
  return {
    ...withOwnDatabase,
    service: { ...withOwnDatabase.service, name: service },
    messaging: { ...withOwnDatabase.messaging, topics },
  };
}
