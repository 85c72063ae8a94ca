import { useState } from 'react';
import { pngSizeText } from '../../shared/export';
import { shownName, slugify } from '../../shared/model';
import { ModalDialog } from '../app/modal-dialog';
import { canvasCommands } from '../canvas/canvas-commands';
import type { CanvasImageOptions } from '../canvas/canvas-image';
import { useHost } from '../host/host-context';
import { currentMesh } from '../store/document-store';
import { useNoticeStore } from '../store/notice-store';
import { useSelectionStore } from '../store/selection-store';
import { useUiStore } from '../store/ui-store';
import { copyPng } from './copy-to-clipboard';
import './diagrams.css';
import { useIsDark } from './use-is-dark';

interface Choice<T> {
  value: T;
  label: string;
}

/** PNG or SVG of the whole mesh or the selection, light or dark, at 1× or 2×: saved, or copied as PNG. */
export function CanvasImageDialog() {
  const host = useHost();
  const hasSelection = useSelectionStore((state) => state.nodeIds.size > 0);
  const isDark = useIsDark();
  const [options, setOptions] = useState<CanvasImageOptions>({
    format: 'png',
    scope: hasSelection ? 'selection' : 'mesh',
    theme: isDark ? 'dark' : 'light',
    scale: 2,
  });
  const [isWorking, setWorking] = useState(false);
  const notify = useNoticeStore((state) => state.show);
  const set =
    <K extends keyof CanvasImageOptions>(key: K) =>
    (value: CanvasImageOptions[K]) =>
      setOptions((current) => ({ ...current, [key]: value }));

  const take = async (deliver: (content: string | Uint8Array) => Promise<string | null>) => {
    setWorking(true);
    try {
      const image = await canvasCommands.image(options);
      if (!image.ok) {
        notify({ tone: 'error', text: `No image: ${image.reason}` });
        return;
      }
      const done = await deliver(image.content);
      if (done !== null) {
        notify({
          tone: 'info',
          text: `${done} (${pngSizeText(image, options.format === 'png' ? options.scale : 1)})`,
        });
        useUiStore.getState().openDialog(null);
      }
    } catch (error) {
      notify({ tone: 'error', text: `Could not make the image: ${(error as Error).message}` });
    } finally {
      setWorking(false);
    }
  };
  const fileName = `${slugify(currentMesh()?.name ?? 'canvas')}-${options.scope === 'mesh' ? 'canvas' : 'selection'}.${options.format}`;
  const save = () =>
    take(async (content) => {
      const saved = await host.saveExport(fileName, content);
      return saved && `Saved ${shownName(saved)}`;
    });
  const copy = () =>
    take(async (content) => {
      await copyPng(Promise.resolve(new Blob([content as BlobPart], { type: 'image/png' })));
      return 'Copied the image of the canvas';
    });

  return (
    <ModalDialog dialog="canvas-image" title="Image of the canvas" className="canvas-image">
      <div className="dialog-form">
        <h2>Image of the canvas</h2>
        <ChoiceRow
          label="Format"
          choices={[
            { value: 'png', label: 'PNG' },
            { value: 'svg', label: 'SVG' },
          ]}
          value={options.format}
          onChange={set('format')}
        />
        <ChoiceRow
          label="Of"
          choices={[
            { value: 'mesh', label: 'The whole mesh' },
            { value: 'selection', label: hasSelection ? 'The selection' : 'The selection (nothing is selected)' },
          ]}
          value={options.scope}
          onChange={set('scope')}
        />
        <ChoiceRow
          label="Theme"
          choices={[
            { value: 'light', label: 'Light' },
            { value: 'dark', label: 'Dark' },
          ]}
          value={options.theme}
          onChange={set('theme')}
        />
        {options.format === 'png' && (
          <ChoiceRow
            label="Scale"
            choices={[
              { value: 1, label: '1×' },
              { value: 2, label: '2× (sharp on high-density screens)' },
            ]}
            value={options.scale}
            onChange={set('scale')}
          />
        )}
        <div className="dialog-form__row dialog-form__row--end">
          {isWorking && <span className="dialog-form__summary">Drawing the image…</span>}
          <button type="button" disabled={isWorking || options.format !== 'png'} onClick={copy}>
            Copy PNG
          </button>
          <button type="button" className="primary" disabled={isWorking} onClick={save}>
            Save .{options.format}…
          </button>
          <button type="button" onClick={() => useUiStore.getState().openDialog(null)}>
            Cancel
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}

function ChoiceRow<T extends string | number>(props: {
  label: string;
  choices: Choice<T>[];
  value: T;
  onChange(value: T): void;
}) {
  return (
    <fieldset className="dialog-form__row choice-row">
      <legend>{props.label}</legend>
      {props.choices.map((choice) => (
        <label key={String(choice.value)}>
          <input
            type="radio"
            name={props.label}
            checked={choice.value === props.value}
            onChange={() => props.onChange(choice.value)}
          />{' '}
          {choice.label}
        </label>
      ))}
    </fieldset>
  );
}
