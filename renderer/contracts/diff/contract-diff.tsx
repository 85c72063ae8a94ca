import type * as Monaco from 'monaco-editor/editor/editor.api';
import { type RefObject, useEffect, useMemo, useRef, useState } from 'react';
import { changeWithoutValues, compareContracts, type LocatedChange, locateChanges } from '../../../shared/contracts';
import { counted } from '../../../shared/model';
import { keyedItems } from '../../app/keyed-items';
import { UserText } from '../../app/user-text';
import { useDocumentStore } from '../../store/document-store';
import { UseVersionButton } from '../contract-changes';
import { useContractText } from '../contract-drafts';
import { CODE_VIEW_OPTIONS } from '../monaco/code-view-options';
import { showPosition } from '../monaco/show-position';
import { useMonaco } from '../monaco/use-monaco';
import { useMonacoTheme } from '../monaco/use-monaco-theme';
import { useContractFiles } from '../opened-contract-files';
import { type DiffBaseline, diffBaselinesOf } from './diff-baselines';

/** What the left side of the diff is, in words. */
function BaselineDescription({ baseline }: { baseline: DiffBaseline }) {
  if (baseline.source === 'design') {
    return (
      <>{baseline.contract ? "Against the design's baseline" : "Not in the design's baseline yet: everything is new"}</>
    );
  }
  return (
    <>
      Against <UserText text={baseline.label} /> as last opened or saved
      {!baseline.contract && ' (not a valid contract: breaking changes are not marked)'}
    </>
  );
}

type DiffLayout = 'split' | 'unified';

/**
 * The names of the two sides' text boxes, given again with every change of options: Monaco takes a side's
 * name from the options changed, so a change without them leaves the box nameless to a screen reader.
 */
const SIDE_NAMES = { originalAriaLabel: 'Contract compared against', modifiedAriaLabel: 'Contract as edited' };

/** Below this width each side of a split diff shows too few characters to read a changed value: unified unless chosen. */
const SPLIT_MIN_WIDTH = 900;

/** Whether the element is at least `width` pixels wide, followed as it resizes. */
function useIsWiderThan(element: RefObject<HTMLElement | null>, width: number): boolean {
  const [isWider, setWider] = useState(true);
  useEffect(() => {
    const observed = element.current;
    if (!observed) return;
    const observer = new ResizeObserver(() => setWider(observed.clientWidth >= width));
    observer.observe(observed);
    return () => observer.disconnect();
  }, [element, width]);
  return isWider;
}

/**
 * The contract against its own file as last opened or saved (when it has one; the design's baseline
 * is a click away) or the design's baseline (see DocumentState.baseline), in Monaco's diff editor, side by side or
 * inline (inline when the pane is too narrow for two sides, unless the user chose), each breaking change marked in the margin beside its line (in the old text for
 * what was removed, and in the unified layout at its parent's line in the new text) with what it breaks.
 */
export default function ContractDiff({ contractId }: { contractId: string }) {
  const container = useRef<HTMLDivElement>(null);
  const monaco = useMonaco();
  const [diffEditor, setDiffEditor] = useState<Monaco.editor.IStandaloneDiffEditor | null>(null);
  const [chosenLayout, chooseLayout] = useState<DiffLayout | null>(null);
  const isWideEnoughToSplit = useIsWiderThan(container, SPLIT_MIN_WIDTH);
  const isSideBySide = chosenLayout ? chosenLayout === 'split' : isWideEnoughToSplit;
  const text = useContractText(contractId) ?? '';
  const contract = useDocumentStore((state) => state.mesh?.contracts.find((candidate) => candidate.id === contractId));
  const designBaseline = useDocumentStore((state) => state.baseline);
  const levels = useDocumentStore((state) => state.mesh?.policies.classificationLevels);
  const file = useContractFiles((state) => state.fileById[contractId]);
  const fileText = useContractFiles((state) => state.savedTextById[contractId]);
  const baselines = useMemo(
    () => diffBaselinesOf(contractId, designBaseline, file, fileText),
    [contractId, designBaseline, file, fileText],
  );
  const [chosenSource, chooseSource] = useState<DiffBaseline['source']>('file');
  const baseline = baselines.find((candidate) => candidate.source === chosenSource) ?? (baselines[0] as DiffBaseline);
  const savedText = baseline.text;
  useMonacoTheme(monaco);

  const comparison = useMemo(
    () => (baseline.contract && contract ? compareContracts(baseline.contract, contract, levels) : undefined),
    [baseline, contract, levels],
  );
  const changes = useMemo(
    () =>
      comparison && contract
        ? locateChanges(
            comparison.changes.filter((change) => change.isBreaking),
            baseline.text,
            contract.odcs,
          )
        : [],
    [comparison, baseline, contract],
  );

  useEffect(() => {
    if (!monaco || !container.current) return;
    const editor = monaco.editor.createDiffEditor(container.current, {
      ...CODE_VIEW_OPTIONS,
      readOnly: true,
      originalEditable: false,
      glyphMargin: true,
      renderOverviewRuler: false,
      useInlineViewWhenSpaceIsLimited: false,
      // The contract pane is narrow beside the canvas: a changed value wraps rather than running off its side.
      diffWordWrap: 'on',
      ...SIDE_NAMES,
    });
    const original = monaco.editor.createModel('', 'yaml');
    const modified = monaco.editor.createModel('', 'yaml');
    editor.setModel({ original, modified });
    setDiffEditor(editor);
    return () => {
      editor.dispose();
      original.dispose();
      modified.dispose();
    };
  }, [monaco]);

  useEffect(() => {
    const models = diffEditor?.getModel();
    if (!models) return;
    if (models.original.getValue() !== savedText) models.original.setValue(savedText);
    if (models.modified.getValue() !== text) models.modified.setValue(text);
  }, [diffEditor, savedText, text]);

  // The other layout wraps lines differently, so the same scroll offset shows other lines: the line in the middle
  // of the new text (the first change, when just opened) stays in the middle.
  useEffect(() => {
    if (!diffEditor) return;
    const modified = diffEditor.getModifiedEditor();
    const shown = modified.getVisibleRanges()[0];
    diffEditor.updateOptions({ renderSideBySide: isSideBySide, ...SIDE_NAMES });
    if (shown) modified.revealLineInCenter(Math.round((shown.startLineNumber + shown.endLineNumber) / 2));
  }, [diffEditor, isSideBySide]);

  // Opens at the first difference rather than at line 1, where a change below the fold was only counted;
  // not once the user has jumped to a change, when a diff computed late would take the cursor back.
  const openingReveal = useRef<Monaco.IDisposable | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: another baseline is another diff, opened at its own first difference.
  useEffect(() => {
    if (!diffEditor) return;
    const updates = diffEditor.onDidUpdateDiff(() => {
      if (!diffEditor.getLineChanges()?.length) return;
      updates.dispose();
      diffEditor.revealFirstDiff();
    });
    openingReveal.current = updates;
    return () => updates.dispose();
  }, [diffEditor, baseline.source]);

  /** Shows a breaking change's line, in the unified layout at its parent's line when it was removed. */
  const revealChange = (change: LocatedChange) => {
    if (!diffEditor) return;
    openingReveal.current?.dispose();
    const showsRemovalInNext = change.side === 'previous' && !isSideBySide && change.parentInNext;
    const editor =
      change.side === 'next' || showsRemovalInNext ? diffEditor.getModifiedEditor() : diffEditor.getOriginalEditor();
    const { line } = showsRemovalInNext
      ? (change.parentInNext as NonNullable<LocatedChange['parentInNext']>)
      : change.range;
    showPosition(editor, line);
  };

  useEffect(() => {
    if (!diffEditor || !monaco) return;
    const hover = (change: LocatedChange) => ({ value: `**Breaking:** \`${change.subject}\` ${change.message}` });
    const breakingLine = (change: LocatedChange) => ({
      range: new monaco.Range(change.range.line, 1, change.range.line, 1),
      options: {
        isWholeLine: true,
        className: 'breaking-change-line',
        glyphMarginClassName: 'breaking-change-glyph',
        glyphMarginHoverMessage: hover(change),
      },
    });
    // The unified layout shows only the new text's margin, so what was removed is marked there too, at its
    // parent's line, with a glyph of its own and no band: the parent's line itself did not change.
    const removedFrom = (change: LocatedChange, parent: NonNullable<LocatedChange['parentInNext']>) => ({
      range: new monaco.Range(parent.line, 1, parent.line, 1),
      options: { glyphMarginClassName: 'breaking-removal-glyph', glyphMarginHoverMessage: hover(change) },
    });
    const removed = changes.filter((change) => change.side === 'previous');
    const next = diffEditor.getModifiedEditor().createDecorationsCollection();
    const previous = diffEditor.getOriginalEditor().createDecorationsCollection();
    // Marked again once the diff is computed: a text set after the marks would have moved them.
    const mark = () => {
      next.set([
        ...changes.filter((change) => change.side === 'next').map(breakingLine),
        ...(isSideBySide
          ? []
          : removed.flatMap((change) => (change.parentInNext ? [removedFrom(change, change.parentInNext)] : []))),
      ]);
      previous.set(removed.map(breakingLine));
    };
    mark();
    const updates = diffEditor.onDidUpdateDiff(mark);
    return () => {
      updates.dispose();
      next.clear();
      previous.clear();
    };
  }, [diffEditor, monaco, changes, isSideBySide]);

  return (
    <div className="contract-diff">
      <div className="contract-diff__bar">
        <span>
          {baselines.length > 1 && (
            <fieldset className="segmented" aria-label="Compare with">
              {baselines.map((candidate) => (
                <button
                  key={candidate.source}
                  type="button"
                  aria-pressed={candidate === baseline}
                  className={candidate === baseline ? 'is-active' : undefined}
                  onClick={() => chooseSource(candidate.source)}
                >
                  <UserText text={candidate.label} />
                </button>
              ))}
            </fieldset>
          )}{' '}
          <span data-testid="diff-baseline">
            <BaselineDescription baseline={baseline} />
          </span>
          {changes.length > 0 && (
            <strong className="contract-diff__breaking" data-testid="breaking-count">
              {' '}
              · {counted(changes.length, 'breaking change')}:
            </strong>
          )}
          {keyedItems(changes, (change) => `${change.side} ${change.subject} ${change.message}`).map(
            ({ key, item: change }) => (
              <button
                key={key}
                type="button"
                className="link-button contract-diff__jump"
                title={`Line ${change.range.line}: ${change.subject} ${change.message}`}
                onClick={() => revealChange(change)}
              >
                <UserText text={change.subject} />: {changeWithoutValues(change)}
              </button>
            ),
          )}
          {comparison?.neededVersion && (
            <>
              {' · '}
              <span data-testid="diff-needed-version">
                needs version {comparison.neededVersion} instead of {comparison.toVersion}
              </span>{' '}
              <UseVersionButton contractId={contractId} version={comparison.neededVersion} />
            </>
          )}
        </span>
        <fieldset className="segmented" aria-label="Diff layout">
          <button
            type="button"
            aria-pressed={isSideBySide}
            className={isSideBySide ? 'is-active' : undefined}
            onClick={() => chooseLayout('split')}
          >
            Split
          </button>
          <button
            type="button"
            aria-pressed={!isSideBySide}
            className={isSideBySide ? undefined : 'is-active'}
            onClick={() => chooseLayout('unified')}
          >
            Unified
          </button>
        </fieldset>
      </div>
      {!monaco && <p className="contract-workspace__loading">Loading editor…</p>}
      <div ref={container} className="contract-diff__editor" data-testid="contract-diff" />
    </div>
  );
}
