import { useCallback, useMemo, useState } from 'react';
import { pngSizeText } from '../../shared/export';
import {
  DIAGRAM_DIRECTIONS,
  DIAGRAM_KIND_INFO,
  type DiagramDirection,
  type DiagramKind,
  type DiagramRequest,
  diagramKindsFor,
  meshGraph,
  PNG_PIXEL_RATIO,
  viewedDiagram,
} from '../../shared/export/mermaid';
import { formatProblem, type Mesh, shownName, slugify } from '../../shared/model';
import { ModalDialog } from '../app/modal-dialog';
import { ScrollPane } from '../app/scroll-pane';
import { useHost } from '../host/host-context';
import { useDocumentStore } from '../store/document-store';
import { useNoticeStore } from '../store/notice-store';
import { copyPng, copyText } from './copy-to-clipboard';
import { DiagramPicture } from './diagram-picture';
import { requestFor, subjectKey, subjectOptions } from './diagram-subjects';
import { useDiagramView } from './diagram-view-store';
import { DIRECTION_LABELS } from './direction-labels';
import './diagrams.css';
import { MermaidText } from './mermaid-text-editor';
import { diagramAsPng, diagramAsPngFile, diagramAsSvgFile } from './picture-image';
import { useIsDark } from './use-is-dark';

/**
 * A Mermaid diagram of the design: its text (read-only Monaco) beside the picture Mermaid draws,
 * with copy and save. The diagram follows the document: edit the mesh and it is redrawn.
 */
export function DiagramView() {
  const mesh = useDocumentStore((state) => state.mesh);
  if (!mesh) return null;
  return (
    <ModalDialog dialog="diagram" title="Diagram" className="diagram-view">
      <DiagramViewBody mesh={mesh} />
    </ModalDialog>
  );
}

function DiagramViewBody({ mesh }: { mesh: Mesh }) {
  const request = useDiagramView((state) => state.request);
  const direction = useDiagramView((state) => state.direction);
  const isActualSize = useDiagramView((state) => state.isActualSize);
  const isDark = useIsDark();
  const diagram = useMemo(() => viewedDiagram(meshGraph(mesh), { ...request, direction }), [mesh, request, direction]);
  const fileStem = useMemo(() => diagramFileStem(mesh, request), [mesh, request]);
  // Loading Monaco holds the main thread for a second or more: it waits for the first picture.
  const [isPictureDone, setPictureDone] = useState(false);
  const onPictureDone = useCallback(() => setPictureDone(true), []);

  return (
    <div className="diagram-view__layout">
      <header className="diagram-view__bar">
        <h2 className="diagram-view__title">Diagram</h2>
        <DiagramPicker mesh={mesh} request={request} />
        <DirectionPicker direction={direction} />
        <DiagramActions text={diagram.ok ? diagram.value.text : null} fileStem={fileStem} />
      </header>
      {diagram.ok ? (
        <div className="diagram-view__panes">
          <MermaidText text={diagram.value.text} isEditorWanted={isPictureDone} />
          <ScrollPane className="diagram-view__picture-pane" label="Picture">
            {diagram.value.overviewOf && (
              <DomainDetailPicker mesh={mesh} request={request} tooLarge={diagram.value.overviewOf} />
            )}
            <DiagramPicture
              text={diagram.value.text}
              isDark={isDark}
              isActualSize={isActualSize}
              onDone={onPictureDone}
            />
          </ScrollPane>
        </div>
      ) : (
        <p className="diagram-view__error" role="alert">
          This diagram cannot be drawn: {diagram.errors.map(formatProblem).join('; ')}
        </p>
      )}
    </div>
  );
}

function DiagramPicker({ mesh, request }: { mesh: Mesh; request: DiagramRequest }) {
  const options = useMemo(() => subjectOptions(mesh), [mesh]);
  const show = useDiagramView((state) => state.show);
  const groups = [...new Set(options.map((option) => option.group))];
  return (
    <div className="diagram-view__picker">
      <label>
        Of{' '}
        <select
          className="field__input"
          aria-label="Diagram of"
          value={subjectKey(request.subject)}
          onChange={(event) => {
            const chosen = options.find((option) => option.key === event.target.value);
            if (chosen) show(requestFor(chosen.subject, request.kind));
          }}
        >
          {groups.map((group) => (
            <optgroup key={group} label={group}>
              {options
                .filter((option) => option.group === group)
                .map((option) => (
                  <option key={option.key} value={option.key}>
                    {option.label}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </label>
      <fieldset className="segmented" aria-label="Kind of diagram">
        {diagramKindsFor(request.subject.kind).map((kind: DiagramKind) => (
          <button
            key={kind}
            type="button"
            aria-pressed={kind === request.kind}
            className={kind === request.kind ? 'is-active' : undefined}
            onClick={() => show({ kind, subject: request.subject })}
          >
            {DIAGRAM_KIND_INFO[kind].label}
          </button>
        ))}
      </fieldset>
    </div>
  );
}

function DirectionPicker({ direction }: { direction: DiagramDirection }) {
  const setDirection = useDiagramView((state) => state.setDirection);
  return (
    <fieldset className="segmented" aria-label="Layout">
      {DIAGRAM_DIRECTIONS.map((choice) => (
        <button
          key={choice}
          type="button"
          aria-pressed={choice === direction}
          className={choice === direction ? 'is-active' : undefined}
          onClick={() => setDirection(choice)}
        >
          {DIRECTION_LABELS[choice]}
        </button>
      ))}
    </fieldset>
  );
}

/** In place of a whole-mesh diagram too large to draw: why, and each domain's diagram a click away. */
function DomainDetailPicker({ mesh, request, tooLarge }: { mesh: Mesh; request: DiagramRequest; tooLarge: string }) {
  const show = useDiagramView((state) => state.show);
  return (
    <section className="diagram-view__overview" aria-label="Domain overview">
      <p>
        The whole diagram would be {tooLarge}: each domain is one box here, as the export writes it. Each domain in
        detail:
      </p>
      <ul className="diagram-view__domains">
        {mesh.domains.map((domain) => (
          <li key={domain.id}>
            <button
              type="button"
              onClick={() => show({ kind: request.kind, subject: { kind: 'domain', id: domain.id } })}
            >
              {domain.name}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

interface DiagramActionsProps {
  text: string | null;
  fileStem: string;
}

function DiagramActions({ text, fileStem }: DiagramActionsProps) {
  const host = useHost();
  const isDark = useIsDark();
  const isActualSize = useDiagramView((state) => state.isActualSize);
  const toggleActualSize = useDiagramView((state) => state.toggleActualSize);
  const notify = useNoticeStore((state) => state.show);
  /** Runs an action and says it is done: `done`, or the text the action gives; nothing when it gives null (cancelled). */
  const attempt = (done: string, action: () => Promise<unknown>) => async () => {
    try {
      const result = await action();
      if (result !== null) notify({ tone: 'info', text: typeof result === 'string' ? result : done });
    } catch (error) {
      notify({ tone: 'error', text: `Could not ${done.toLowerCase()}: ${(error as Error).message}` });
    }
  };
  /** `about`: said of the saved file after its name, e.g. a PNG's size. */
  const save = (extension: string, draw: () => Promise<{ content: string | Uint8Array; about?: string }>) =>
    attempt(`Save the .${extension} file`, async () => {
      const { content, about } = await draw();
      const saved = await host.saveExport(`${fileStem}.${extension}`, content);
      return saved && `Saved ${shownName(saved)}${about ? ` (${about})` : ''}`;
    });
  const drawPng = async () => {
    const png = await diagramAsPngFile(text ?? '', isDark);
    return { content: png.bytes, about: pngSizeText(png, PNG_PIXEL_RATIO) };
  };
  const isDisabled = text === null;
  return (
    <div className="diagram-view__actions">
      <button
        type="button"
        disabled={isDisabled}
        onClick={attempt('Copied the Mermaid text', () => copyText(text ?? ''))}
      >
        Copy text
      </button>
      <button
        type="button"
        disabled={isDisabled}
        onClick={attempt('Copied the diagram as an image', () => copyPng(diagramAsPng(text ?? '', isDark)))}
      >
        Copy image
      </button>
      <button type="button" disabled={isDisabled} onClick={save('mmd', async () => ({ content: text ?? '' }))}>
        Save .mmd
      </button>
      <button
        type="button"
        disabled={isDisabled}
        onClick={save('svg', async () => ({ content: await diagramAsSvgFile(text ?? '', isDark) }))}
      >
        Save .svg
      </button>
      <button type="button" disabled={isDisabled} onClick={save('png', drawPng)}>
        Save .png
      </button>
      <button
        type="button"
        aria-pressed={isActualSize}
        onClick={toggleActualSize}
        title="Fit the picture or show it at its own size"
      >
        {isActualSize ? 'Fit' : 'Actual size'}
      </button>
      <form method="dialog">
        <button type="submit" aria-label="Close the diagram">
          Close
        </button>
      </form>
    </div>
  );
}

/** `logical-view-e-commerce-mesh`: the kind and what it is of, as a file name. */
function diagramFileStem(mesh: Mesh, request: DiagramRequest): string {
  const { subject } = request;
  const nodes = subject.kind === 'mesh' ? [] : [...mesh.domains, ...mesh.products, ...mesh.systems];
  const name = subject.kind === 'mesh' ? mesh.name : (nodes.find((node) => node.id === subject.id)?.name ?? subject.id);
  return `${request.kind}-${slugify(name)}`;
}
