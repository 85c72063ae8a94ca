import { useMemo, useState } from 'react';
import { type SearchEntry, searchMesh } from '../../shared/editing/mesh-search';
import { canvasCommands } from '../canvas/canvas-commands';
import { useDocumentStore } from '../store/document-store';
import { selectOnly } from '../store/selection-store';
import { useUiStore } from '../store/ui-store';
import { ModalDialog } from './modal-dialog';

function jumpTo(entry: SearchEntry): void {
  useUiStore.getState().openDialog(null);
  selectOnly([entry.nodeId]);
  canvasCommands.focusNode(entry.nodeId);
}

/** Ctrl/Cmd+K: type a few letters of any domain, product, system, port, topic or contract; Enter jumps there. */
export function QuickSearch() {
  const mesh = useDocumentStore((state) => state.mesh);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const results = useMemo(() => (mesh ? searchMesh(mesh, query) : []), [mesh, query]);
  const activeIndex = Math.min(active, results.length - 1);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + results.length) % Math.max(1, results.length));
    } else if (event.key === 'Enter' && results[activeIndex]) {
      event.preventDefault();
      jumpTo(results[activeIndex]);
    }
  };

  return (
    <ModalDialog dialog="quick-search" title="Quick search" className="quick-search">
      <input
        // biome-ignore lint/a11y/noAutofocus: the dialog exists to type into this field
        autoFocus
        className="quick-search__input"
        placeholder="Jump to a domain, product, system, port or contract…"
        aria-label="Search the design"
        aria-controls="quick-search-results"
        aria-activedescendant={results[activeIndex] ? `quick-search-${activeIndex}` : undefined}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <div className="quick-search__results" id="quick-search-results" role="listbox" aria-label="Results">
        {results.map((entry, index) => (
          // The search field keeps the focus and moves through options with the arrow keys (aria-activedescendant).
          <div
            key={`${entry.kind}:${entry.nodeId}:${entry.label}:${entry.context}`}
            id={`quick-search-${index}`}
            role="option"
            tabIndex={-1}
            aria-selected={index === activeIndex}
            className="quick-search__result"
            onClick={() => jumpTo(entry)}
            onKeyDown={(event) => event.key === 'Enter' && jumpTo(entry)}
            onMouseEnter={() => setActive(index)}
          >
            <span className={`quick-search__kind quick-search__kind--${entry.kind}`}>{entry.kind}</span>
            <span className="quick-search__label">{entry.label}</span>
            <span className="quick-search__context">{entry.context}</span>
          </div>
        ))}
        {results.length === 0 && <p className="quick-search__empty">Nothing matches “{query}”.</p>}
      </div>
    </ModalDialog>
  );
}
