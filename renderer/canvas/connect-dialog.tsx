import { type FormEvent, type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  endsOfLink,
  endsToMoveTo,
  filterLinkEnds,
  type LinkEnd,
  linkableIndexFrom,
  linkEndsOf,
  oppositeLinkEnds,
  takesLink,
} from '../../shared/editing/link-ends';
import { productById, systemById } from '../../shared/editing/mesh-index';
import type { ConnectionCheck, Endpoint, Mesh } from '../../shared/model';
import { ModalDialog } from '../app/modal-dialog';
import { currentMesh, useDocumentStore } from '../store/document-store';
import { connect, linkRefusal, reconnect, sayLinkRefused } from '../store/link-actions';
import { currentSelection } from '../store/selection-store';
import { useUiStore } from '../store/ui-store';
import { focusCanvasSelection, focusNode } from './canvas-element-focus';
import { NewInputPortOffers } from './new-input-port-offers';

/** The one selected product or system a link from the keyboard starts at, when it has ports or topics. */
export function nodeToConnect(): string | undefined {
  const mesh = currentMesh();
  const { nodeIds } = currentSelection();
  const [nodeId] = nodeIds;
  return mesh && nodeIds.size === 1 && nodeId && linkEndsOf(mesh, nodeId).length > 0 ? nodeId : undefined;
}

/** The one selected link (and nothing else) whose end Move Link End… moves. */
export function linkToMoveEnd(): string | undefined {
  const mesh = currentMesh();
  const { nodeIds, linkIds } = currentSelection();
  const [linkId] = linkIds;
  return mesh && nodeIds.size === 0 && linkIds.size === 1 && linkId && endsOfLink(mesh, linkId).length === 2
    ? linkId
    : undefined;
}

/** Enter on a list links the ends picked, as it would in a text field of the form (a list does not submit by itself). */
function submitOnEnter(event: KeyboardEvent<HTMLSelectElement>): void {
  if (event.key !== 'Enter') return;
  event.preventDefault();
  event.currentTarget.form?.requestSubmit();
}

/** ↑ and ↓ in the filter move through the targets a link may end at, so typing and picking need no Tab. */
function stepThroughTargets(
  event: KeyboardEvent<HTMLInputElement>,
  targets: readonly LinkEnd[],
  index: number | undefined,
  setIndex: (index: number) => void,
): void {
  const step = ({ ArrowDown: 1, ArrowUp: -1 } as const)[event.key as 'ArrowDown' | 'ArrowUp'];
  if (step === undefined || index === undefined) return;
  event.preventDefault();
  setIndex(linkableIndexFrom(targets, index + step, step) ?? index);
}

/** The end a list shows as chosen: the one at `index`, or the nearest after (else before) it that a link may end at. */
const chosenIndex = (ends: readonly LinkEnd[], index: number) =>
  linkableIndexFrom(ends, index, 1) ?? linkableIndexFrom(ends, index, -1);

/** What a list of link ends shows for one: its label, what already feeds it, and whether a link to it closes a loop. */
function endText(end: LinkEnd): string {
  const fed = end.fedBy ? ` (fed by ${end.fedBy})` : '';
  // A target that sends is downstream of the input the link starts at; one that receives, upstream of the output.
  const loop = end.closesLoop ? ` (${end.sends ? 'downstream' : 'upstream'}: makes a loop)` : '';
  return `${end.label}${fed}${loop}`;
}

/**
 * A list of link ends: those that send, those that receive, inputs already fed (shown, not to pick:
 * a link to one is refused), and last those a link to would close a loop through.
 */
function EndOptions({ ends, textOf }: { ends: readonly LinkEnd[]; textOf?: (end: LinkEnd) => string }) {
  if (textOf)
    return ends.map((end, index) => (
      <option key={`${end.endpoint.nodeId}/${end.endpoint.portId}`} value={index}>
        {textOf(end)}
      </option>
    ));
  const group = (isInGroup: (end: LinkEnd) => boolean, label: string) => {
    const options = ends.flatMap((end, index) =>
      isInGroup(end)
        ? [
            <option key={`${end.endpoint.nodeId}/${end.endpoint.portId}`} value={index} disabled={!takesLink(end)}>
              {endText(end)}
            </option>,
          ]
        : [],
    );
    return options.length > 0 && <optgroup label={label}>{options}</optgroup>;
  };
  return (
    <>
      {group((end) => end.sends && !end.closesLoop, 'Sends data (output ports and topics)')}
      {group((end) => !end.sends && !end.fedBy && !end.closesLoop, 'Receives data (input ports)')}
      {group(
        (end) => Boolean(end.fedBy) && !end.closesLoop,
        'Fed already: linking is refused (an input port takes one source)',
      )}
      {group((end) => Boolean(end.closesLoop), 'Makes a loop: the data would come back')}
    </>
  );
}

/** What a dialog picking link ends links: where a link starts, where it may go from each, and the edit that links them. */
interface LinkPicking {
  dialog: 'connect' | 'move-link-end';
  title: string;
  /** What the title names, whole in the heading's tooltip where the heading cuts it short. */
  subject: string;
  starts: readonly LinkEnd[];
  /** The list of starts: its label and accessible name, and each start's text (by kind of end when absent). */
  startList: { label: string; ariaLabel: string; textOf?: (end: LinkEnd) => string };
  targetsOf(mesh: Mesh, start: LinkEnd): LinkEnd[];
  link(start: Endpoint, target: Endpoint): ConnectionCheck;
  submitLabel: string;
  /** Where every input is fed: offer to add one and link to it (a new link, so not when moving an end). */
  offersNewInputPort: boolean;
  /** Where the focus goes once the dialog closes, however it closes. */
  focusAfter(): void;
}

/**
 * Picks the ends of a link from the keyboard, under the rules a dragged link follows and with its
 * refusals; the edit is one undo step. A filter (focused on opening) narrows the targets by
 * product, port or domain.
 */
function LinkPicker({
  dialog,
  title,
  subject,
  starts,
  startList,
  targetsOf,
  link,
  submitLabel,
  offersNewInputPort,
  focusAfter,
}: LinkPicking) {
  const mesh = useDocumentStore((state) => state.mesh);
  const [startIndex, setStartIndex] = useState(() => chosenIndex(starts, 0) ?? 0);
  const start = starts[startIndex];
  const allTargets = useMemo(() => (mesh && start ? targetsOf(mesh, start) : []), [mesh, start, targetsOf]);
  const [filter, setFilter] = useState('');
  const targets = useMemo(() => (mesh ? filterLinkEnds(mesh, allTargets, filter) : []), [mesh, allTargets, filter]);
  const [pickedTargetIndex, setTargetIndex] = useState(0);
  const targetIndex = chosenIndex(targets, pickedTargetIndex);
  const target = targetIndex === undefined ? undefined : targets[targetIndex];
  const [refusal, setRefusal] = useState<string | null>(null);
  const targetList = useRef<HTMLSelectElement>(null);

  const close = () => useUiStore.getState().openDialog(null);
  // However it closes: opened from a context menu, the control that opened it is gone.
  const focusAfterRef = useRef(focusAfter);
  useEffect(() => () => queueMicrotask(focusAfterRef.current), []);
  const closeOrSayRefused = (result: ConnectionCheck) => {
    if (result.ok) close();
    else {
      sayLinkRefused(result.reason);
      setRefusal(linkRefusal(result.reason));
      targetList.current?.focus();
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (start && target) closeOrSayRefused(link(start.endpoint, target.endpoint));
  };

  return (
    <ModalDialog dialog={dialog} title={title} className="connect-dialog">
      <form className="dialog-form" onSubmit={onSubmit}>
        <h2 className="connect-dialog__title" title={subject}>
          {title}
        </h2>
        {starts.length === 0 ? (
          <p className="dialog-form__summary">Select a product or a system with ports or topics to link.</p>
        ) : (
          <>
            <label className="field">
              <span className="field__label">Filter</span>
              <input
                // biome-ignore lint/a11y/noAutofocus: with many ports, finding the target is the first thing to do
                autoFocus
                type="search"
                className="field__input"
                aria-label="Filter: product, port or domain to link to"
                placeholder="Product, port or domain"
                value={filter}
                onKeyDown={(event) => stepThroughTargets(event, targets, targetIndex, setTargetIndex)}
                onChange={(event) => {
                  setFilter(event.target.value);
                  setTargetIndex(0);
                  setRefusal(null);
                }}
              />
            </label>
            <label className="field">
              <span className="field__label">{startList.label}</span>
              <select
                className="field__input"
                aria-label={startList.ariaLabel}
                value={startIndex}
                onKeyDown={submitOnEnter}
                onChange={(event) => {
                  setStartIndex(Number(event.target.value));
                  setTargetIndex(0);
                  setRefusal(null);
                }}
              >
                <EndOptions ends={starts} textOf={startList.textOf} />
              </select>
            </label>
            <label className="field">
              <span className="field__label">To</span>
              <select
                ref={targetList}
                className="field__input"
                aria-label={start?.sends ? 'To: input port it feeds' : 'To: output port or topic that feeds it'}
                aria-describedby={refusal ? 'connect-refusal' : undefined}
                value={targetIndex ?? ''}
                disabled={targets.length === 0}
                onKeyDown={submitOnEnter}
                onChange={(event) => {
                  setTargetIndex(Number(event.target.value));
                  setRefusal(null);
                }}
              >
                <EndOptions ends={targets} />
              </select>
            </label>
            {allTargets.length === 0 ? (
              <p className="dialog-form__summary">
                No other node has {start?.sends ? 'an input port' : 'an output port or topic'} to link to.
              </p>
            ) : (
              <>
                {targets.length === 0 && <p className="dialog-form__summary">No port matches “{filter}”</p>}
                {targets.length > 0 && !target && (
                  <>
                    <p className="dialog-form__summary">
                      Every input port it could feed is fed already, and an input port takes one source
                      {offersNewInputPort && start?.sends ? ':' : '.'}
                    </p>
                    {offersNewInputPort && start?.sends && mesh && (
                      <NewInputPortOffers
                        mesh={mesh}
                        start={start.endpoint}
                        targets={targets}
                        onLinked={closeOrSayRefused}
                      />
                    )}
                  </>
                )}
              </>
            )}
          </>
        )}
        {refusal && (
          <p className="field__error" id="connect-refusal" role="alert">
            {refusal}
          </p>
        )}
        <div className="dialog-form__row dialog-form__row--end">
          <button type="submit" className="primary" disabled={!start || !target}>
            {submitLabel}
          </button>
          <button type="button" onClick={close}>
            Cancel
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

/**
 * Connect… (C): links a port of the selected node to a port of another node; the focus goes back to
 * the node. Where every input it could feed is fed, it offers to add an input port and link to it
 * (on the first few products).
 */
export function ConnectDialog() {
  const [nodeId] = useState(nodeToConnect);
  const mesh = useDocumentStore((state) => state.mesh);
  const starts = useMemo(() => (mesh && nodeId ? linkEndsOf(mesh, nodeId) : []), [mesh, nodeId]);
  const name = (mesh && nodeId && (productById(mesh, nodeId) ?? systemById(mesh, nodeId))?.name) || '';
  return (
    <LinkPicker
      dialog="connect"
      title={`Connect ${name}`}
      subject={name}
      starts={starts}
      startList={{ label: 'From', ariaLabel: `From: port of ${name} to link` }}
      targetsOf={oppositeLinkEnds}
      link={connect}
      submitLabel="Connect"
      offersNewInputPort
      focusAfter={() => nodeId && focusNode(nodeId)}
    />
  );
}

/**
 * Move Link End… (R): re-routes the selected link from the keyboard, as dragging one of its ends
 * does: it keeps one end and picks the new other one; the link stays selected, with the focus.
 */
export function MoveLinkEndDialog() {
  const [linkId] = useState(linkToMoveEnd);
  // The link's ends as it was opened: once moved, the dialog closes.
  const [ends] = useState(() => {
    const mesh = currentMesh();
    return mesh && linkId ? endsOfLink(mesh, linkId) : [];
  });
  const [source, target] = ends;
  const title = `Move an end of the link from ${source?.label ?? ''} to ${target?.label ?? ''}`;
  const targetsOf = useCallback(
    (mesh: Mesh, kept: LinkEnd) => (linkId ? endsToMoveTo(mesh, linkId, kept) : []),
    [linkId],
  );
  const link = useCallback(
    (kept: Endpoint, moved: Endpoint): ConnectionCheck =>
      linkId ? reconnect(linkId, kept, moved) : { ok: false, reason: 'No link is selected.' },
    [linkId],
  );
  return (
    <LinkPicker
      dialog="move-link-end"
      title={title}
      subject={title}
      starts={ends}
      startList={{
        label: 'Move',
        ariaLabel: 'Move: the end of the link to move',
        // Each start is the end kept: the list names the other one, the end that moves.
        textOf: (kept) => (kept.sends ? `Its target, ${target?.label}` : `Its source, ${source?.label}`),
      }}
      targetsOf={targetsOf}
      link={link}
      submitLabel="Move"
      offersNewInputPort={false}
      focusAfter={focusCanvasSelection}
    />
  );
}
