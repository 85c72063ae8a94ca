import { PICTURE_FORMATS, type PictureFormat } from '../../shared/export';
import {
  DIAGRAM_DIRECTIONS,
  type DiagramDirection,
  EXPORTED_DIAGRAM_KINDS,
  type ExportedDiagramKind,
  isDiagramDirection,
} from '../../shared/export/mermaid';
import { DIRECTION_LABELS } from '../diagrams/direction-labels';

/** Which Mermaid diagrams go into the bundle, and which pictures of each besides its text. */
export interface DiagramChoices {
  kinds: readonly ExportedDiagramKind[];
  formats: readonly PictureFormat[];
  direction: DiagramDirection;
}

/** Every kind of diagram as text, laid out to fit a slide, no pictures: pictures take a while to draw. */
export const DEFAULT_DIAGRAM_CHOICES: DiagramChoices = {
  kinds: EXPORTED_DIAGRAM_KINDS,
  formats: [],
  direction: 'auto',
};

const KIND_CHOICES: Record<ExportedDiagramKind, { label: string; covers: string }> = {
  'logical-view': { label: 'Logical views', covers: 'of the mesh and of each domain' },
  'product-architecture': { label: 'Data product architectures', covers: 'of each data product' },
  'data-retrieval-flow': { label: 'Data retrieval flows', covers: 'of each operational system' },
  lineage: { label: 'Lineage', covers: 'port by port, of the whole mesh' },
  'contract-er': { label: 'Contract ER diagrams', covers: 'the schema of each contract' },
};

const FORMAT_CHOICES: Record<PictureFormat, string> = {
  svg: '.svg picture',
  png: '.png picture (2×)',
};

/** Keeps `list` in the order of `all`, with `item` in or out. */
function toggled<T>(all: readonly T[], list: readonly T[], item: T, isIn: boolean): T[] {
  return all.filter((candidate) => (candidate === item ? isIn : list.includes(candidate)));
}

/** The Export dialog's Diagrams section. */
export function DiagramChoicesFieldset(props: { choices: DiagramChoices; onChange(choices: DiagramChoices): void }) {
  const { choices, onChange } = props;
  const hasDiagrams = choices.kinds.length > 0;
  return (
    <fieldset data-testid="export-diagrams">
      <legend>Diagrams</legend>
      {EXPORTED_DIAGRAM_KINDS.map((kind) => (
        <label key={kind} className="export-choices__format">
          <input
            type="checkbox"
            checked={choices.kinds.includes(kind)}
            onChange={(event) =>
              onChange({
                ...choices,
                kinds: toggled(EXPORTED_DIAGRAM_KINDS, choices.kinds, kind, event.target.checked),
              })
            }
          />
          <span>
            {KIND_CHOICES[kind].label}
            <small>{KIND_CHOICES[kind].covers}</small>
          </span>
        </label>
      ))}
      <fieldset className="export-choices__files">
        <legend>Files of each diagram</legend>
        <label title="Always written: GitHub, GitLab and most wikis draw it">
          <input type="checkbox" checked={hasDiagrams} disabled readOnly />
          .mmd text
        </label>
        {PICTURE_FORMATS.map((format) => (
          <label key={format} title="Drawn in the app by Mermaid, in light colours">
            <input
              type="checkbox"
              checked={choices.formats.includes(format)}
              disabled={!hasDiagrams}
              onChange={(event) =>
                onChange({
                  ...choices,
                  formats: toggled(PICTURE_FORMATS, choices.formats, format, event.target.checked),
                })
              }
            />
            {FORMAT_CHOICES[format]}
          </label>
        ))}
        <label>
          Layout{' '}
          <select
            value={choices.direction}
            disabled={!hasDiagrams}
            onChange={(event) => {
              if (isDiagramDirection(event.target.value)) onChange({ ...choices, direction: event.target.value });
            }}
          >
            {DIAGRAM_DIRECTIONS.map((direction) => (
              <option key={direction} value={direction}>
                {DIRECTION_LABELS[direction]}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
    </fieldset>
  );
}
