import type * as Monaco from 'monaco-editor/editor/editor.api';
import { useEffect, useRef, useState } from 'react';
import type { ExportFile } from '../../shared/export';
import { useMonaco } from '../contracts/monaco/use-monaco';
import { useMonacoTheme } from '../contracts/monaco/use-monaco-theme';
import { loadPreviewMonaco, previewLanguage } from './load-preview-languages';

/** The chosen file, read-only in Monaco (loaded when the first preview is shown). */
export function ExportPreview({ file }: { file: ExportFile | null }) {
  const container = useRef<HTMLDivElement>(null);
  const { monaco, loadError } = useMonaco(loadPreviewMonaco);
  const [editor, setEditor] = useState<Monaco.editor.IStandaloneCodeEditor | null>(null);
  useMonacoTheme(monaco);

  useEffect(() => {
    if (!monaco || !container.current) return;
    const created = monaco.editor.create(container.current, {
      model: null,
      readOnly: true,
      domReadOnly: true,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      scrollBeyondLastLine: false,
      renderLineHighlight: 'none',
      wordWrap: 'off',
    });
    setEditor(created);
    return () => created.dispose();
  }, [monaco]);

  useEffect(() => {
    if (!monaco || !editor || !file) return;
    const text = typeof file.content === 'string' ? file.content : '(binary file: no text preview)';
    const model = monaco.editor.createModel(text, previewLanguage(file.path));
    editor.setModel(model);
    return () => model.dispose();
  }, [monaco, editor, file]);

  return (
    <div className="export-preview" data-testid="export-preview">
      {loadError && <p className="export-dialog__error">The preview could not load: {loadError}</p>}
      {!monaco && !loadError && <p className="export-preview__loading">Loading preview…</p>}
      <div ref={container} className="export-preview__editor" data-path={file?.path ?? ''} />
    </div>
  );
}
