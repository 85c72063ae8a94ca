import { InspectorSection } from '../inspector/inspector-section';
import { useUiStore } from '../store/ui-store';
import { DiagramButtons } from './diagram-buttons';

/** The design's diagrams, its image and the Mermaid import, in the inspector when nothing is selected. */
export function DesignDiagrams() {
  const openDialog = useUiStore((state) => state.openDialog);
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
