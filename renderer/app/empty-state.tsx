import { useCallback, useEffect, useMemo, useState } from 'react';
import { countedElements } from '../../shared/editing/element-count';
import { designOutlineOf, listedName, namesOfCopy } from '../../shared/model';
import type { AutosaveSlot } from '../host/host';
import { useHost } from '../host/host-context';
import { SAMPLES } from '../samples/samples';
import { discardAutosave, newMesh, openFile, openSample, restoreAutosave } from './file-commands';
import { RecentDesigns } from './recent-designs';
import { UserText } from './user-text';

const TIME_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function autosavedAt(slot: AutosaveSlot): string {
  const time = Date.parse(slot.savedAt);
  return Number.isNaN(time) ? 'autosaved earlier' : `autosaved ${TIME_FORMAT.format(time)}`;
}

/**
 * A copy as the list names it: by its design's name, with the name the tab gave it where that
 * differs (its file's), its counts and its time, so that copies of like-named designs differ.
 */
function RecoveredCopy({ slot }: { slot: AutosaveSlot }) {
  const outline = useMemo(() => designOutlineOf(slot.text), [slot.text]);
  const { designName, keptAs: keptUnder } = namesOfCopy(outline, slot.name);
  const name = listedName(designName);
  const keptAs = keptUnder === undefined ? undefined : listedName(keptUnder);
  const details = [...(outline ? [countedElements(outline.counts)] : []), autosavedAt(slot)].join(' · ');
  return (
    <span className="recovered-work__copy">
      <span className="recovered-work__name" title={name}>
        <UserText text={name} />
      </span>
      <span className="recovered-work__details">
        {keptAs && (
          <>
            <UserText text={keptAs} />
            {' · '}
          </>
        )}
        {details}
      </span>
    </span>
  );
}

/**
 * Unsaved work an earlier session left behind (a crash, a closed tab): each can be restored or
 * discarded. Work another open tab keeps is not listed: it is live there, not left behind.
 */
function RecoveredWork() {
  const host = useHost();
  const [slots, setSlots] = useState<AutosaveSlot[]>([]);
  const refresh = useCallback(() => void host.autosavedDocuments().then(setSlots), [host]);
  useEffect(refresh, [refresh]);
  // Another tab may have taken or left a copy while this one was in the background.
  useEffect(() => {
    document.addEventListener('visibilitychange', refresh);
    return () => document.removeEventListener('visibilitychange', refresh);
  }, [refresh]);
  if (slots.length === 0) return null;
  return (
    <section className="recovered-work" aria-label="Unsaved work" data-testid="recovered-work">
      <h2>Unsaved work from an earlier session</h2>
      <ul>
        {slots.map((slot) => (
          <li key={slot.key}>
            <RecoveredCopy slot={slot} />
            <button type="button" className="primary" onClick={() => void restoreAutosave(host, slot).then(refresh)}>
              Restore
            </button>
            <button type="button" onClick={() => void discardAutosave(host, slot).then(refresh)}>
              Discard…
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function EmptyState() {
  const host = useHost();
  return (
    <section className="empty-state" aria-label="Start">
      <h1>Design a data mesh</h1>
      <p>Draw domains and data products, write their contracts, and watch change data flow through them.</p>
      <RecoveredWork />
      <div className="empty-state__actions">
        <button type="button" className="primary" onClick={() => void newMesh(host)}>
          New blank mesh
        </button>
        <button type="button" onClick={() => void openFile(host)}>
          Open file…
        </button>
      </div>
      <RecentDesigns />
      <h2>Or open a sample</h2>
      <ul className="empty-state__samples">
        {SAMPLES.map((sample) => (
          <li key={sample.id}>
            <button
              type="button"
              data-testid={`sample-${sample.id}`}
              onClick={() => void openSample(host, sample.title, sample.text)}
            >
              <strong>{sample.title}</strong>
              <span>{sample.summary}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
