import { shownChord } from '../commands/command-hints';
import { useDocumentStore } from '../store/document-store';
import { simulation } from './simulation-controller';
import { useSimulationStore } from './simulation-store';

/** Design or Simulate: the document is read-only while simulating. */
export function ModeSwitch() {
  const mode = useSimulationStore((state) => state.mode);
  const hasDocument = useDocumentStore((state) => state.mesh !== null);
  const chord = shownChord('simulation.toggle-mode');
  return (
    <fieldset className="segmented mode-switch" aria-label="Mode">
      {(['design', 'simulate'] as const).map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={mode === option}
          className={mode === option ? 'is-active' : undefined}
          disabled={!hasDocument}
          title={`${option === 'design' ? 'Design the mesh' : 'Simulate change data flowing through it'} (${chord} switches)`}
          onClick={() => mode !== option && simulation.toggleMode()}
        >
          {option === 'design' ? 'Design' : 'Simulate'}
        </button>
      ))}
    </fieldset>
  );
}
