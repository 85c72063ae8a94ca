import { useEffect } from 'react';
import { InspectorSection } from '../inspector/inspector-section';
import { useUiStore } from '../store/ui-store';
import { DiagramButtons } from './diagram-buttons';
import { warmUpMermaid } from './load-mermaid';

/** The design's diagrams, its image and the Mermaid import, in the inspector when nothing is selected. */
export function DesignDiagrams() {
  const openDialog = useUiStore((state) => state.openDialog);
  // Mermaid stays out of the first paint, but is fetched once the page is idle: the first diagram then draws at once.
  useEffect(() => {
    const idle = requestIdleCallback(() => void warmUpMermaid().catch(() => undefined), { timeout: 10_000 });
    return () => cancelIdleCallback(idle);
  }, []);
  return (
    <InspectorSection title="Diagrams and images" open>
      <DiagramButtons subject={{ kind: 'mesh' }} />
      <div className="inspector__actions">
        <button type="button" onClick={() => openDialog('mermaid-import')}>
          Import Mermaid…
        </button>
      </div>
    </InspectorSection>
  );
}
