import { useEffect, useState } from 'react';
import { useHost } from '../host/host-context';
import { SAMPLES } from '../samples/samples';
import { newMesh, openFile, openMeshText, openSample } from './file-commands';

export function EmptyState() {
  const host = useHost();
  const [recovered, setRecovered] = useState<string | null>(null);
  useEffect(() => {
    void host.recoverAutosave().then(setRecovered);
  }, [host]);
  return (
    <section className="empty-state" aria-label="Start">
      <h1>Design a data mesh</h1>
      <p>Draw domains and data products, write their contracts, and watch change data flow through them.</p>
      <div className="empty-state__actions">
        <button type="button" className="primary" onClick={() => void newMesh(host)}>
          New blank mesh
        </button>
        <button type="button" onClick={() => void openFile(host)}>
          Open file…
        </button>
        {recovered && (
          <button type="button" onClick={() => openMeshText(recovered, null, 'the autosaved design')}>
            Recover unsaved design
          </button>
        )}
      </div>
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
