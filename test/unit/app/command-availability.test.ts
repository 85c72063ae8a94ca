import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import {
  isCommandAvailableAt,
  isCommandEnabled,
  runCommand,
  whyCommandUnavailable,
} from '../../../renderer/commands/run-command';
import { setSimulation } from '../../../renderer/simulation/simulation-store';
import { useDocumentStore } from '../../../renderer/store/document-store';
import { selectOnly } from '../../../renderer/store/selection-store';
import { useUiStore } from '../../../renderer/store/ui-store';
import { searchCommands } from '../../../shared/commands/command-search';
import type { CommandId } from '../../../shared/commands/command-table';
import { aMesh, aPort } from '../../builders/mesh-builder';
import { aScenarioAbout, openDocument } from '../store/store-fixture';
import { FakeHost } from './fake-host';

function availability(id: CommandId): { isAvailable: boolean; whyUnavailable?: string } {
  const why = whyCommandUnavailable(id);
  return { isAvailable: isCommandEnabled(id), ...(why && { whyUnavailable: why }) };
}

const unavailable = (whyUnavailable: string) => ({ isAvailable: false, whyUnavailable });

/** Orders' output port, without a contract, feeds Revenue's input port by the link `orders-to-revenue`. */
function openOrdersFeedingRevenue(): void {
  openDocument(
    aMesh()
      .withDomain('sales')
      .withProduct('orders', 'sales', { outputPorts: [aPort('out', 'output')] })
      .withProduct('revenue', 'sales', { inputPorts: [aPort('in', 'input')] })
      .withLink('orders-to-revenue', { nodeId: 'orders', portId: 'out' }, { nodeId: 'revenue', portId: 'in' })
      .build(),
  );
}

describe('what the commands need, as the keys, menus and the palette say it', () => {
  beforeEach(() => {
    const mesh = aMesh().withDomain('sales').withProduct('orders', 'sales').withSystem('shop', 'sales').build();
    mesh.scenarios.push(aScenarioAbout('shop'));
    openDocument(mesh);
  });
  afterEach(() => setSimulation({ mode: 'design' }));

  it.each(['edit.cut', 'edit.copy', 'edit.duplicate', 'edit.delete'] as const)(
    '%s asks for a selection when nothing is selected',
    (id) => {
      expect(availability(id)).toEqual(unavailable('select something first'));
      selectOnly(['orders']);
      expect(availability(id).isAvailable).toBe(true);
    },
  );

  it.each(['edit.cut', 'edit.copy', 'edit.duplicate'] as const)(
    '%s says what to select when only links are selected, which go with the elements at their ends',
    (id) => {
      openOrdersFeedingRevenue();
      selectOnly([], ['orders-to-revenue']);
      expect(availability(id)).toEqual(
        unavailable('select a domain, product, system or note first: a link goes with the elements at its ends'),
      );
    },
  );

  it('leaves Cut and Copy to a text field that has the focus, whatever the canvas selection', () => {
    expect(isCommandAvailableAt('edit.copy', 'field')).toBe(true);
    expect(isCommandAvailableAt('edit.cut', 'field')).toBe(true);
    expect(isCommandAvailableAt('edit.copy', 'canvas')).toBe(false);
  });

  it('Impact of Selection asks for something to start from', () => {
    expect(availability('view.impact')).toEqual(unavailable('select a product, a system with topics or a link first'));
    selectOnly(['orders']);
    expect(availability('view.impact').isAvailable).toBe(true);
  });

  it('Undo and Redo say there is nothing to take back or redo', () => {
    expect(availability('edit.undo')).toEqual(unavailable('nothing to undo'));
    expect(availability('edit.redo')).toEqual(unavailable('nothing to redo'));
  });

  it('Lock or Unlock and Open Contract say what to select', () => {
    expect(availability('edit.lock')).toEqual(unavailable('select one or more elements first'));
    expect(availability('view.open-contract')).toEqual(unavailable('select a product with a contract first'));
  });

  it('offers New Contract for an output port without one: of the selected product, or of the selected link’s producer', () => {
    openOrdersFeedingRevenue();
    const needs = unavailable('select a product with an output port without a contract first');
    expect(availability('edit.new-contract')).toEqual(needs);
    selectOnly(['revenue']);
    expect(availability('edit.new-contract')).toEqual(needs);
    selectOnly(['orders']);
    expect(availability('edit.new-contract').isAvailable).toBe(true);
    selectOnly([], ['orders-to-revenue']);
    expect(availability('edit.new-contract').isAvailable).toBe(true);
  });

  it.each(['simulation.run-pause', 'simulation.step', 'simulation.reset', 'simulation.present'] as const)(
    '%s asks to switch to Simulate first, and runs there',
    (id) => {
      expect(availability(id)).toEqual(unavailable('switch to Simulate first'));
      setSimulation({ mode: 'simulate' });
      expect(availability(id).isAvailable).toBe(true);
    },
  );

  it('Move Link End… asks for one link, and opens the picker of its new end once one is selected', async () => {
    openOrdersFeedingRevenue();
    expect(availability('edit.move-link-end')).toEqual(unavailable('select one link first'));
    selectOnly(['orders'], ['orders-to-revenue']);
    expect(availability('edit.move-link-end').isAvailable).toBe(false);
    selectOnly([], ['orders-to-revenue']);
    expect(availability('edit.move-link-end').isAvailable).toBe(true);
    runCommand('edit.move-link-end', { host: new FakeHost() });
    await expect.poll(() => useUiStore.getState().dialog).toBe('move-link-end');
    useUiStore.getState().openDialog(null);
  });

  it('Step Back asks to switch to Simulate first, then for a paused run past tick 0', () => {
    expect(availability('simulation.step-back')).toEqual(unavailable('switch to Simulate first'));
    setSimulation({ mode: 'simulate' });
    expect(availability('simulation.step-back')).toEqual(unavailable('pause a run past tick 0 first'));
  });

  it('says why Run has nothing to do in Simulate mode without a scenario', () => {
    openDocument(aMesh().withDomain('sales').withSystem('shop', 'sales').build());
    setSimulation({ mode: 'simulate' });
    expect(availability('simulation.step').whyUnavailable).toContain('no scenario');
  });

  it.each([
    ['edit.connect', ['orders'], []],
    ['edit.move-link-end', [], ['orders-to-revenue']],
    ['edit.rename', ['orders'], []],
    ['file.import-contracts', [], []],
    ['file.import-mermaid', [], []],
  ] as const)(
    '%s says the design is read-only while simulating, rather than opening what would be refused',
    async (id, nodeIds, linkIds) => {
      openOrdersFeedingRevenue();
      selectOnly([...nodeIds], [...linkIds]);
      useUiStore.getState().requestNameFocus(null);
      expect(availability(id).isAvailable).toBe(true);
      useDocumentStore.getState().setReadOnly(true);
      onTestFinished(() => useDocumentStore.getState().setReadOnly(false));

      expect(availability(id)).toEqual(unavailable('the design is read-only while simulating'));
      runCommand(id, { host: new FakeHost() });
      await Promise.resolve();
      expect(useUiStore.getState().dialog).toBeNull();
      expect(useUiStore.getState().nameFocusRequest).toBeNull();
    },
  );

  it('asks for a design before anything else when none is open', () => {
    useDocumentStore.getState().close();
    expect(availability('edit.copy')).toEqual(unavailable('open or create a design first'));
    expect(availability('view.zoom-to-selection')).toEqual(unavailable('open or create a design first'));
  });

  it('gives a reason for every command of the palette that cannot run', () => {
    const listed = searchCommands('').map((command) => command.id as CommandId);
    const withoutReason = listed.filter((id) => !isCommandEnabled(id) && !whyCommandUnavailable(id));
    expect(withoutReason).toEqual([]);
  });
});
