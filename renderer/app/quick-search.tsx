import { type ReactNode, useMemo, useState } from 'react';
import { COMMAND_PREFIX, quickSearchMode, searchRecentFiles } from '../../shared/commands/command-search';
import type { CommandId } from '../../shared/commands/command-table';
import { type SearchEntry, searchMesh } from '../../shared/editing/mesh-search';
import { canvasCommands } from '../canvas/canvas-commands';
import { focusNodeWhenDrawn } from '../canvas/canvas-element-focus';
import { paletteEntries } from '../commands/command-palette-entries';
import type { FocusPlace } from '../commands/command-routing';
import { focusPlace } from '../commands/focus';
import { runAsMenuItem } from '../commands/use-commands';
import { useContractTabs } from '../contracts/contract-tabs-store';
import type { FileRef, Host } from '../host/host';
import { useHost } from '../host/host-context';
import { useDocumentStore } from '../store/document-store';
import { selectOnly } from '../store/selection-store';
import { useUiStore } from '../store/ui-store';
import { openRecentFile } from './file-commands';
import { keyedItems } from './keyed-items';
import { ModalDialog } from './modal-dialog';
import { useRecentFiles } from './recent-designs';
import { useMovedPointerHover } from './use-moved-pointer-hover';
import { UserText } from './user-text';

function jumpTo(entry: SearchEntry): void {
  useUiStore.getState().openDialog(null);
  selectOnly([entry.nodeId]);
  canvasCommands.focusNode(entry.nodeId);
  // The contract editor takes the keys at the property; otherwise the node found takes them, once the
  // closed dialog has let go of the page, its inspector beside it (not Problems or Impact) for F6 to reach.
  if (entry.contractProperty) useContractTabs.getState().openContractAt(entry.contractProperty);
  else {
    useUiStore.getState().showSidePanelTab('inspector');
    void focusNodeWhenDrawn(entry.nodeId);
  }
}

function runFromPalette(id: CommandId, host: Host): void {
  useUiStore.getState().openDialog(null);
  // Once the closed dialog has given the focus back, so the command acts where the user was (Copy in a field).
  setTimeout(() => runAsMenuItem(id, host), 0);
}

/** One line of the list: what it shows, and what Enter or a click on it does (nothing when unavailable). */
interface Choice {
  key: string;
  content: ReactNode;
  choose?: () => void;
}

function elementChoices(results: readonly SearchEntry[]): Choice[] {
  return results.map((entry) => ({
    key: `${entry.kind}:${entry.nodeId}:${entry.label}:${entry.context}`,
    choose: () => jumpTo(entry),
    content: (
      <>
        <span className={`quick-search__kind quick-search__kind--${entry.kind}`}>{entry.kind}</span>
        <span className="quick-search__label">{entry.label}</span>
        <span className="quick-search__context">{entry.context}</span>
      </>
    ),
  }));
}

function commandChoices(query: string, focus: FocusPlace, host: Host): Choice[] {
  return paletteEntries(query, focus).map((entry) => ({
    key: entry.id,
    ...(entry.isAvailable && { choose: () => runFromPalette(entry.id, host) }),
    content: (
      <>
        <span className="quick-search__kind">{entry.group}</span>
        <span className="quick-search__label">{entry.label}</span>
        <span className="quick-search__context" title={entry.whyUnavailable}>
          {!entry.isAvailable && (entry.whyUnavailable ? `Unavailable: ${entry.whyUnavailable}` : 'Unavailable')}
        </span>
        {entry.chord && <kbd className="quick-search__chord">{entry.chord}</kbd>}
      </>
    ),
  }));
}

function recentFileChoices(query: string, files: readonly FileRef[], host: Host): Choice[] {
  const keyed = keyedItems(searchRecentFiles(query, files), ({ file }) => `recent:${file.path ?? file.name}`);
  return keyed.map(({ key, item: { file, label } }) => ({
    key,
    choose: () => {
      useUiStore.getState().openDialog(null);
      void openRecentFile(host, file);
    },
    content: (
      <>
        <span className="quick-search__kind">File</span>
        <span className="quick-search__label">
          <UserText text={label} />
        </span>
      </>
    ),
  }));
}

interface QuickSearchProps {
  /** Which entry point opened it: Ctrl+K (the design's elements) or Ctrl+Shift+P (commands, after `>`). */
  dialog: 'quick-search' | 'commands';
}

/**
 * Ctrl/Cmd+K: type a few letters of any domain, product, system, port, topic, contract, table column
 * or contract property, or words of a sticky note; Enter jumps there. After `>` (what Ctrl/Cmd+Shift+P or F1 starts with) it lists commands instead, as
 * VS Code's palette does: Enter runs the one picked.
 */
export function QuickSearch({ dialog }: QuickSearchProps) {
  const host = useHost();
  const mesh = useDocumentStore((state) => state.mesh);
  const [text, setText] = useState(dialog === 'commands' ? COMMAND_PREFIX : '');
  const [active, setActive] = useState(0);
  // Read before the dialog takes the focus: a command from the palette acts where the user was.
  const [openerFocus] = useState(() => focusPlace(document.activeElement));
  const mode = quickSearchMode(text);
  const isCommands = mode.searches === 'commands';
  const recentFiles = useRecentFiles().files;
  const choices = useMemo(
    () =>
      mode.searches === 'commands'
        ? [...commandChoices(mode.query, openerFocus, host), ...recentFileChoices(mode.query, recentFiles, host)]
        : elementChoices(mesh ? searchMesh(mesh, mode.query) : []),
    [mesh, mode.searches, mode.query, openerFocus, host, recentFiles],
  );
  const activeIndex = Math.min(active, choices.length - 1);
  const activateOnPointerMove = useMovedPointerHover(setActive);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + choices.length) % Math.max(1, choices.length));
    } else if (event.key === 'Enter' && choices[activeIndex]) {
      event.preventDefault();
      choices[activeIndex].choose?.();
    }
  };

  return (
    <ModalDialog
      dialog={dialog}
      title={isCommands ? 'Command palette' : 'Quick search'}
      className={isCommands ? 'quick-search quick-search--commands' : 'quick-search'}
    >
      <input
        // biome-ignore lint/a11y/noAutofocus: the dialog exists to type into this field
        autoFocus
        className="quick-search__input"
        placeholder={
          isCommands
            ? 'Run a command by name…'
            : 'Jump to a domain, product, system, port, contract, column, property or note… (> for commands)'
        }
        aria-label={isCommands ? 'Search the commands' : 'Search the design'}
        aria-controls="quick-search-results"
        aria-activedescendant={choices[activeIndex] ? `quick-search-${activeIndex}` : undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <div
        className={`quick-search__results${isCommands ? ' quick-search__results--commands' : ''}`}
        id="quick-search-results"
        role="listbox"
        aria-label={isCommands ? 'Commands' : 'Results'}
      >
        {choices.map((choice, index) => (
          // The search field keeps the focus and moves through options with the arrow keys (aria-activedescendant).
          <div
            key={choice.key}
            id={`quick-search-${index}`}
            role="option"
            tabIndex={-1}
            aria-selected={index === activeIndex}
            aria-disabled={choice.choose ? undefined : true}
            className="quick-search__result"
            onClick={() => choice.choose?.()}
            onKeyDown={(event) => event.key === 'Enter' && choice.choose?.()}
            onPointerMove={activateOnPointerMove(index)}
          >
            {choice.content}
          </div>
        ))}
        {choices.length === 0 && <p className="quick-search__empty">Nothing matches “{mode.query}”.</p>}
      </div>
    </ModalDialog>
  );
}
