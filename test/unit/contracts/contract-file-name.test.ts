import { describe, expect, it } from 'vitest';
import { contractFileName } from '../../../shared/contracts/contract-file-name';

describe('contractFileName', () => {
  it('offers a contract under a slug of its name with the contract extension', () => {
    expect(contractFileName('Order Placed')).toBe('order-placed.odcs.yaml');
  });

  it('does not repeat a YAML extension the name already has', () => {
    expect(contractFileName('orders.odcs.yaml')).toBe('orders.odcs.yaml');
    expect(contractFileName('Orders.YML')).toBe('orders.odcs.yaml');
  });

  it('keeps a name that names folders inside its own folder', () => {
    expect(contractFileName('../../etc')).toBe('etc.odcs.yaml');
    expect(contractFileName('..\\..\\Windows\\win.ini')).toBe('windows-win-ini.odcs.yaml');
    expect(contractFileName('/etc/passwd')).toBe('etc-passwd.odcs.yaml');
  });

  it('never offers a name Windows reserves for a device, as design files do', () => {
    expect(contractFileName('CON')).toBe('con-2.odcs.yaml');
    expect(contractFileName('nul.yaml')).toBe('nul-2.odcs.yaml');
    expect(contractFileName('Com1')).toBe('com1-2.odcs.yaml');
  });
});
