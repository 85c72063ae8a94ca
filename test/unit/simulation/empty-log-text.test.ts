import { describe, expect, it } from 'vitest';
import { emptyLogText } from '../../../shared/simulation/empty-log-text';

describe('what an empty message list says', () => {
  it('says how many records retention removed when no kept record has the key', () => {
    expect(emptyLogText({ hasKey: true, appended: 28, kept: 15 })).toBe(
      'No messages with this key among the 15 the log keeps; retention removed 13 older ones.',
    );
    expect(emptyLogText({ hasKey: true, appended: 16, kept: 15 })).toBe(
      'No messages with this key among the 15 the log keeps; retention removed 1 older one.',
    );
  });

  it('says plainly that no record has the key when the log keeps them all, and asks for a run before any', () => {
    expect(emptyLogText({ hasKey: true, appended: 15, kept: 15 })).toBe('No messages with this key.');
    expect(emptyLogText({ hasKey: false, appended: 0, kept: 0 })).toBe('No messages yet: run the simulation.');
  });

  it('says what a compacted topic keeps past retention: only records some consumer has not read, so the key may have gone', () => {
    expect(emptyLogText({ hasKey: true, appended: 28, kept: 15, isCompacted: true })).toBe(
      'No messages with this key among the 15 the log keeps; 13 older ones are gone (past retention, a compacted topic keeps only records some consumer has not read, the latest of each key).',
    );
    expect(emptyLogText({ hasKey: true, appended: 16, kept: 15, isCompacted: true })).toBe(
      'No messages with this key among the 15 the log keeps; 1 older one is gone (past retention, a compacted topic keeps only records some consumer has not read, the latest of each key).',
    );
  });
});
