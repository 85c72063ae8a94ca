import type * as Monaco from 'monaco-editor/editor/editor.api';
import { useEffect, useRef, useState } from 'react';
import { PartBoundary } from '../app/part-boundary';
import { ScrollPane } from '../app/scroll-pane';
import { createEditorWithModels } from '../contracts/monaco/editor-with-models';
import { MONACO_CONTAINER, useMonaco } from '../contracts/monaco/use-monaco';
import { useMonacoTheme } from '../contracts/monaco/use-monaco-theme';
import { MERMAID_LANGUAGE, registerMermaidLanguage } from './mermaid-language';

/** The diagram's Mermaid text: plain until the editor is wanted, then in a read-only Monaco editor. */
export function MermaidText({ text, isEditorWanted }: { text: string; isEditorWanted: boolean }) {
  return isEditorWanted ? (
    <PartBoundary part="Mermaid text editor">
      <MermaidTextEditor text={text} />
    </PartBoundary>
  ) : (
    <div className="diagram-text">
      <PlainText text={text} />
    </div>
  );
}

const TEXT_NAME = 'Mermaid text of the diagram';

function PlainText({ text }: { text: string }) {
  // Named as the editor that replaces it is.
  return (
    <ScrollPane className="diagram-text__plain" label={TEXT_NAME}>
      <pre className="diagram-text__plain-text">{text}</pre>
    </ScrollPane>
  );
}

/** The text in a read-only Monaco editor, loaded on first use; plain while it loads. */
function MermaidTextEditor({ text }: { text: string }) {
  const container = useRef<HTMLDivElement>(null);
  const monaco = useMonaco();
  const [editor, setEditor] = useState<Monaco.editor.IStandaloneCodeEditor | null>(null);
  useMonacoTheme(monaco);

  useEffect(() => {
    if (!monaco || !container.current) return;
    registerMermaidLanguage(monaco);
    const model = monaco.editor.createModel('', MERMAID_LANGUAGE);
    const { editor: created, dispose } = createEditorWithModels(
      monaco,
      container.current,
      { model, readOnly: true, wordWrap: 'on', ariaLabel: TEXT_NAME },
      model,
    );
    setEditor(created);
    return dispose;
  }, [monaco]);

  useEffect(() => {
    const model = editor?.getModel();
    if (model && model.getValue() !== text) model.setValue(text);
  }, [editor, text]);

  return (
    <div className="diagram-text">
      {!monaco && <PlainText text={text} />}
      <div ref={container} className={`diagram-text__editor ${MONACO_CONTAINER}`} data-testid="diagram-text" />
    </div>
  );
}
