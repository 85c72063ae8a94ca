import { useEffect, useState } from 'react';
import type { LogRecord } from '../../shared/simulation';
import { emptyLogText } from '../../shared/simulation/empty-log-text';
import { keyFilterExample } from '../../shared/simulation/key-filter-example';
import { rowCountSql } from '../../shared/simulation/table-page';
import { MessageCard } from './message-card';
import { simulation } from './simulation-controller';
import { useSimulationStore } from './simulation-store';

const PAGE = 20;

/** A log's newest records, filtered by key, paging back; refreshed each tick while looking at the newest. */
export function LogMessages({ log }: { log: string }) {
  const [key, setKey] = useState('');
  const [messages, setMessages] = useState<LogRecord[]>([]);
  const [older, setOlder] = useState<LogRecord[]>([]);
  const [isEnd, setEnd] = useState(false);
  const tick = useSimulationStore((state) => state.metrics?.tick);
  const isTraceable = useSimulationStore((state) => state.catalog?.logs[log]?.isTraceable ?? true);
  const isCompacted = useSimulationStore((state) => state.catalog?.logs[log]?.isCompacted ?? false);
  const appended = useSimulationStore((state) => state.metrics?.logs[log]?.records ?? 0);
  const kept = useKeptRecords(log, tick);

  // biome-ignore lint/correctness/useExhaustiveDependencies: each tick brings new messages to show
  useEffect(() => {
    let isCurrent = true;
    void simulation.messages(log, { key, limit: PAGE }).then((read) => {
      if (isCurrent && read) setMessages(read);
    });
    return () => {
      isCurrent = false;
    };
  }, [log, key, tick]);

  const loadOlder = async () => {
    const last = (older.at(-1) ?? messages.at(-1))?.position;
    const read = await simulation.messages(log, { key, limit: PAGE, before: last });
    if (!read) return;
    setOlder([...older, ...read]);
    setEnd(read.length < PAGE);
  };

  const shown = [...messages, ...older.filter((message) => message.position < (messages.at(-1)?.position ?? Infinity))];
  return (
    <div className="log-messages">
      <label className="log-messages__filter">
        Filter by key
        <input
          type="search"
          value={key}
          placeholder={keyFilterExample(messages[0]?.key)}
          onChange={(event) => {
            setKey(event.target.value);
            setOlder([]);
            setEnd(false);
          }}
        />
      </label>
      {shown.length === 0 && (
        <p className="simulation-panel__hint">
          {emptyLogText({ hasKey: key !== '', appended, kept: kept ?? appended, isCompacted })}
        </p>
      )}
      <ol className="log-messages__list" data-testid="messages">
        {shown.map((message) => (
          <li key={message.position}>
            <MessageCard log={log} message={message} isTraceable={isTraceable} />
          </li>
        ))}
      </ol>
      {shown.length >= PAGE && !isEnd && (
        <button type="button" onClick={() => void loadOlder()}>
          Older messages
        </button>
      )}
    </div>
  );
}

/** How many records the log keeps now (retention removes its oldest); read from the broker each tick. */
function useKeptRecords(log: string, tick: number | undefined): number | undefined {
  const [kept, setKept] = useState<number>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: each tick may append or remove records
  useEffect(() => {
    let isCurrent = true;
    void simulation.query(log.split('/')[0] ?? '', rowCountSql({ kind: 'log', log })).then((read) => {
      if (isCurrent && read.ok) setKept(Number(read.result.rows[0]?.[0] ?? 0));
    });
    return () => {
      isCurrent = false;
    };
  }, [log, tick]);
  return kept;
}
