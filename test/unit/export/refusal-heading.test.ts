import { describe, expect, it } from 'vitest';
import { refusalHeading } from '../../../renderer/export/refusal-heading';
import { EXPORT_TARGETS, type ExportProblem } from '../../../shared/export';

const chosen = EXPORT_TARGETS.filter((target) => ['odcs', 'sql', 'strimzi'].includes(target.id));
const stopping = (targetId?: string): ExportProblem => ({
  path: 'products[5]',
  message: 'cannot be written',
  ...(targetId && { targetId }),
});

describe('the heading of an export that cannot be written', () => {
  it('names the one format the problems stop, and says the others export without it', () => {
    expect(refusalHeading([stopping('sql'), stopping('sql')], chosen)).toBe(
      'PostgreSQL DDL and migrations cannot be exported until these are fixed; uncheck it to export the other formats:',
    );
  });

  it('names every format the problems stop', () => {
    expect(refusalHeading([stopping('sql'), stopping('strimzi')], chosen)).toBe(
      'Kafka on Kubernetes (Strimzi), PostgreSQL DDL and migrations cannot be exported until these are fixed; uncheck them to export the other formats:',
    );
  });

  it('says nothing can be exported when every chosen format is stopped, or a problem stops the whole bundle', () => {
    expect(refusalHeading([stopping('odcs'), stopping('sql'), stopping('strimzi')], chosen)).toBe(
      'Nothing can be exported until these are fixed:',
    );
    expect(refusalHeading([stopping('sql'), stopping()], chosen)).toBe(
      'Nothing can be exported until these are fixed:',
    );
  });
});
