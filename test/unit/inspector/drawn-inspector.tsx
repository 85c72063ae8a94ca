import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { HostProvider } from '../../../renderer/host/host-context';
import { Inspector } from '../../../renderer/inspector/inspector';
import { FakeHost } from '../app/fake-host';

Reflect.set(globalThis, 'IS_REACT_ACT_ENVIRONMENT', true);

/** The inspector of the selection, drawn as the side panel draws it, and how to take it away. */
export async function drawnInspector(): Promise<{ container: HTMLElement; remove: () => void }> {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () =>
    root.render(
      <HostProvider host={new FakeHost()}>
        <Inspector />
      </HostProvider>,
    ),
  );
  return {
    container,
    remove: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}

/** Types `text` over the focused field's text, as the keyboard does, through React's change event. */
export async function typeInFocusedField(text: string): Promise<void> {
  const input = document.activeElement as HTMLInputElement;
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  await act(async () => {
    setValue?.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
