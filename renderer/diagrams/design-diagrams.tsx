import { useEffect } from 'react';
import { INPUT_PAUSE_MILLIS, whenInputPauses } from '../app/when-input-pauses';
import { InspectorSection } from '../inspector/inspector-section';
import { useUiStore } from '../store/ui-store';
import { DiagramButtons } from './diagram-buttons';
import { warmUpMermaid } from './load-mermaid';

/** The design's diagrams, its image and the Mermaid import, in the inspector when nothing is selected. */
export function DesignDiagrams() {
  const openDialog = useUiStore((state) => state.openDialog);
  // Mermaid stays out of the first paint, but is set up once input pauses: the first diagram then
  // draws at once, and the half second the set-up holds the main thread does not freeze a pan.
  useEffect(() => whenInputPauses(() => void warmUpMermaid().catch(() => undefined), INPUT_PAUSE_MILLIS), []);
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
