import type * as Monaco from 'monaco-editor/editor/editor.api';
import { useEffect, useRef, useState } from 'react';
import { propertyPathOf } from '../../shared/contracts/property-path';
import type { TextRange } from '../../shared/contracts/text-range';
import { readYamlSource, type YamlSource } from '../../shared/contracts/yaml-source';
import { modelPathInText } from '../../shared/validation/contract-text-places';
import { undoStepsDesignHistory } from '../editing/editor-undo-history';
import { ContractProblems } from './contract-problems';
import { type ContractPlace, useContractTabs } from './contract-tabs-store';
import type { ContractTextModels } from './monaco/contract-text-models';
import { contractIdOfUri } from './monaco/contract-uri';
import { createEditorWithModels } from './monaco/editor-with-models';
import { monacoRange } from './monaco/monaco-range';
import { registerOdcsLanguageFeatures } from './monaco/odcs-language';
import { sharedContractTextModels } from './monaco/shared-contract-text-models';
import { showPosition, showRange } from './monaco/show-position';
import { MONACO_CONTAINER, useMonaco } from './monaco/use-monaco';
import { useMonacoTheme } from './monaco/use-monaco-theme';
import { useEditorFocusRequest } from './use-editor-focus-request';

/** Where a place is in the text the editor shows. */
function rangeOf(place: ContractPlace, source: YamlSource): TextRange {
  if ('modelPath' in place) return modelPathInText(source, place.modelPath);
  const path = propertyPathOf(source.value, place.object, place.property);
  // Typed away since the search was built: the contract's schema is the nearest place left.
  return source.locate(path ? [...path, 'name'] : ['schema']);
}

/** The ODCS YAML of the active contract in Monaco, loaded on first use. */
export function YamlEditorPane({ contractId }: { contractId: string }) {
  const container = useRef<HTMLDivElement>(null);
  const monaco = useMonaco();
  const [editor, setEditor] = useState<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const [textModels, setTextModels] = useState<ContractTextModels | null>(null);
  const openIds = useContractTabs((state) => state.openIds);
  const placeToReveal = useContractTabs((state) =>
    state.placeToReveal?.contractId === contractId ? state.placeToReveal : null,
  );
  useMonacoTheme(monaco);

  useEffect(() => {
    if (!monaco || !container.current) return;
    registerOdcsLanguageFeatures(monaco);
    const models = sharedContractTextModels(monaco);
    const { editor: created, dispose } = createEditorWithModels(
      monaco,
      container.current,
      {
        model: null,
        tabSize: 2,
        insertSpaces: true,
        quickSuggestions: { other: true, strings: true, comments: false },
        // Completion comes from the contract's schema; the document's own words (`00Z` of a timestamp) are noise.
        wordBasedSuggestions: 'off',
      },
      // The models outlive the editor; what was typed in it is applied as it goes.
      { dispose: models.applyPending },
    );
    // Clicking anything outside the editor (Upgrade, Save, another view) acts on the text as typed.
    created.onDidBlurEditorText(models.applyPending);
    // Typing is applied as it goes, so it is the design's step to take back; a draft with problems is the editor's own.
    const history = undoStepsDesignHistory(created, (_edit, model) => {
      const id = contractIdOfUri(model.uri);
      return id === undefined || models.undoesOwnTyping(id);
    });
    setEditor(created);
    setTextModels(models);
    return () => {
      history.dispose();
      dispose();
    };
  }, [monaco]);

  useEffect(() => {
    if (!editor || !textModels) return;
    editor.setModel(textModels.open(contractId) ?? null);
  }, [editor, textModels, contractId]);
  useEditorFocusRequest(contractId, !!editor && !!textModels, (typedAhead) => {
    editor?.focus();
    // As the keys would have: the contract's typing and the editor's own undo see it.
    if (typedAhead) editor?.trigger('keyboard', 'type', { text: typedAhead });
  });

  // Runs after the effect above has given the editor this contract's text.
  useEffect(() => {
    if (!editor || !textModels || !placeToReveal) return;
    showRange(editor, monacoRange(rangeOf(placeToReveal, readYamlSource(editor.getValue()))));
    useContractTabs.getState().placeRevealed();
  }, [editor, textModels, placeToReveal]);

  const reveal = (line: number, column: number) => editor && showPosition(editor, line, column);

  return (
    <div className="yaml-editor-pane">
      {!monaco && <p className="contract-workspace__loading">Loading editor…</p>}
      <div
        ref={container}
        className={`yaml-editor ${MONACO_CONTAINER}`}
        data-testid="yaml-editor"
        data-open-tabs={openIds.length}
      />
      <ContractProblems contractId={contractId} onReveal={reveal} />
    </div>
  );
}
