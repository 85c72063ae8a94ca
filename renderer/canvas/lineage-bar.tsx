import { Panel } from '@xyflow/react';
import { Fragment } from 'react';
import { hopsToWholeLineage } from '../../shared/editing/lineage';
import { nodeKindOf, productById, systemById } from '../../shared/editing/mesh-index';
import { shownChord } from '../commands/command-hints';
import { useDocumentStore } from '../store/document-store';
import type { LineageFocus } from '../store/ui-store';
import { focusLineage, leaveLineageFocus } from './navigation';

/** How the canvas marks each side of the lineage, whatever way the layout runs: by the colour of the links. */
const SIDES = [
  { side: 'upstream', text: 'upstream in blue' },
  { side: 'downstream', text: 'downstream in amber' },
] as const;

/** Each side's colour, with a sample of the line the canvas draws. */
function LineageKey() {
  return (
    <span>
      links
      {SIDES.map(({ side, text }, index) => (
        <Fragment key={side}>
          {index === 0 ? ' ' : ', '}
          <span className="lineage-bar__side">
            <svg width="22" height="10" aria-hidden="true">
              <path d="M 2 5 H 20" className={`lineage-bar__line lineage-bar__line--${side}`} />
            </svg>
            {text}
          </span>
        </Fragment>
      ))}
    </span>
  );
}

/** Says whose lineage is shown and how far it reaches; more or fewer hops, or back to the whole mesh. */
export function LineageBar({ focus }: { focus: LineageFocus }) {
  const name = useDocumentStore((state) => {
    const mesh = state.mesh;
    if (!mesh || !nodeKindOf(mesh, focus.nodeId)) return undefined;
    return (productById(mesh, focus.nodeId) ?? systemById(mesh, focus.nodeId))?.name;
  });
  const hopsToAll = useDocumentStore((state) => (state.mesh ? hopsToWholeLineage(state.mesh.links, focus.nodeId) : 1));
  if (!name) return null;
  const exitKey = shownChord('select.clear');
  return (
    <Panel position="top-center" className="lineage-bar" data-testid="lineage-bar">
      <span>
        Lineage of <strong>{name}</strong>: <LineageKey />
      </span>
      <span className="lineage-bar__hops">
        <button
          type="button"
          aria-label="Fewer hops"
          disabled={focus.hops <= 1}
          onClick={() => focusLineage(focus.nodeId, focus.hops - 1)}
        >
          −
        </button>
        <span data-testid="lineage-hops">
          {focus.hops} {focus.hops === 1 ? 'hop' : 'hops'}
        </span>
        <button
          type="button"
          aria-label="More hops"
          disabled={focus.hops >= hopsToAll}
          title={focus.hops >= hopsToAll ? 'The whole lineage is shown' : undefined}
          onClick={() => focusLineage(focus.nodeId, focus.hops + 1)}
        >
          +
        </button>
      </span>
      <button
        type="button"
        onClick={leaveLineageFocus}
        title={exitKey ? `Show the whole mesh (${exitKey})` : undefined}
      >
        Show all
      </button>
    </Panel>
  );
}
