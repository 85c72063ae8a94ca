import type * as Monaco from 'monaco-editor/editor/editor.api';
import { useEffect, useRef, useState } from 'react';
import type { ExportFile } from '../../shared/export';
import { CODE_VIEW_OPTIONS } from '../contracts/monaco/code-view-options';
import { useMonaco } from '../contracts/monaco/use-monaco';
import { useMonacoTheme } from '../contracts/monaco/use-monaco-theme';
import { loadPreviewMonaco, previewLanguage } from './load-preview-languages';

const PICTURE_TYPES: Readonly<Record<string, string>> = { '.svg': 'image/svg+xml', '.png': 'image/png' };

function pictureType(path: string): string | undefined {
  return PICTURE_TYPES[path.slice(path.lastIndexOf('.'))];
}

/** The chosen file: a picture as the picture, anything else read-only in Monaco (loaded when first shown). */
export function ExportPreview({ file }: { file: ExportFile | null }) {
  const type = file && pictureType(file.path);
  return (
    <div className="export-preview" data-testid="export-preview">
      {file && type ? <PicturePreview file={file} type={type} /> : <TextPreview file={file} />}
    </div>
  );
}

/** An SVG or PNG as an image: an <img> draws an SVG without running anything in it. */
function PicturePreview({ file, type }: { file: ExportFile; type: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const objectUrl = URL.createObjectURL(new Blob([file.content as BlobPart], { type }));
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [file, type]);
  return (
    <div className="export-preview__picture">
      {url && <img src={url} alt={file.about} data-testid="export-preview-picture" />}
    </div>
  );
}

function TextPreview({ file }: { file: ExportFile | null }) {
  const container = useRef<HTMLDivElement>(null);
  const monaco = useMonaco(loadPreviewMonaco);
  const [editor, setEditor] = useState<Monaco.editor.IStandaloneCodeEditor | null>(null);
  useMonacoTheme(monaco);

  useEffect(() => {
    if (!monaco || !container.current) return;
    const created = monaco.editor.create(container.current, {
      ...CODE_VIEW_OPTIONS,
      model: null,
      readOnly: true,
      domReadOnly: true,
      renderLineHighlight: 'none',
      wordWrap: 'off',
    });
    setEditor(created);
    return () => created.dispose();
  }, [monaco]);

  useEffect(() => {
    if (!monaco || !editor || !file) return;
    const text = typeof file.content === 'string' ? file.content : '(a binary file: no text to show)';
    const model = monaco.editor.createModel(text, previewLanguage(file.path));
    editor.setModel(model);
    return () => model.dispose();
  }, [monaco, editor, file]);

  return (
    <>
      {!monaco && <p className="export-preview__loading">Loading preview…</p>}
      <div ref={container} className="export-preview__editor" data-path={file?.path ?? ''} />
    </>
  );
}
