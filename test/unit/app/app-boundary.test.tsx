// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppBoundary } from '../../../renderer/app/app-boundary';
import { PartBoundary } from '../../../renderer/app/part-boundary';
import { HostProvider } from '../../../renderer/host/host-context';
import { useDocumentStore } from '../../../renderer/store/document-store';
import { aMesh } from '../../builders/mesh-builder';
import { FakeHost } from './fake-host';

Reflect.set(globalThis, 'IS_REACT_ACT_ENVIRONMENT', true);

function Broken(): never {
  throw new Error('Cannot read properties of undefined');
}

let root: Root | null = null;

async function render(element: React.ReactNode): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root?.render(element));
  return container;
}

const button = (container: HTMLElement, name: string) =>
  [...container.querySelectorAll('button')].find((candidate) => candidate.textContent === name);

describe('a window that fails to draw', () => {
  afterEach(() => {
    act(() => root?.unmount());
    useDocumentStore.getState().close();
    vi.restoreAllMocks();
  });

  it('says so, keeps the design and saves it from the failure screen', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const host = new FakeHost();
    useDocumentStore.getState().open(aMesh().withDomain('sales').build(), host.saveTarget);
    const container = await render(
      <HostProvider host={host}>
        <AppBoundary>
          <Broken />
        </AppBoundary>
      </HostProvider>,
    );
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('Cannot read properties of undefined');
    expect(button(container, 'Reload')).toBeDefined();

    await act(async () => button(container, 'Save')?.click());
    expect(JSON.parse(host.savedTexts[0] ?? '{}').domains[0].id).toBe('sales');
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Saved.');
  });

  it('shows a failing part in its place, beside the parts that work', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const container = await render(
      <main>
        <p>toolbar</p>
        <PartBoundary part="side panel">
          <Broken />
        </PartBoundary>
      </main>,
    );
    expect(container.textContent).toBe(
      'toolbarThe side panel could not be loaded: Cannot read properties of undefinedRetry',
    );
  });
});
