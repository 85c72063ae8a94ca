import { describe, expect, it } from 'vitest';
import { withoutElements } from '../../../shared/editing/delete-elements';
import { describeDeletion } from '../../../shared/editing/deletion-summary';
import { isolated, quoted } from '../../../shared/model';
import { validateMesh } from '../../../shared/validation/validate-mesh';
import { aMesh, aPort } from '../../builders/mesh-builder';

const FSI = '\u2068';
const PDI = '\u2069';
const OVERRIDDEN = '\u202eGuest 360';

describe('a user-given name inside the app’s own text', () => {
  it('is isolated when it holds a bidirectional override, so it reorders nothing after it', () => {
    expect(isolated(OVERRIDDEN)).toBe(`${FSI}${OVERRIDDEN}${PDI}`);
    expect(quoted(OVERRIDDEN)).toBe(`'${FSI}${OVERRIDDEN}${PDI}'`);
  });

  it('is isolated when it is written right to left', () => {
    expect(isolated('הזמנות')).toBe(`${FSI}הזמנות${PDI}`);
    expect(isolated('طلبات 2')).toBe(`${FSI}طلبات 2${PDI}`);
    expect(isolated('a\u2067b')).toBe(`${FSI}a\u2067b${PDI}`);
  });

  it('stays exactly as it is when nothing in it reorders text', () => {
    expect(isolated('Guest 360')).toBe('Guest 360');
    expect(quoted('Café № 5 – 東京')).toBe("'Café № 5 – 東京'");
  });

  it('is isolated in a problem message', () => {
    const mesh = aMesh()
      .withDomain('guests')
      .withProduct('guest-360', 'guests', { name: OVERRIDDEN, outputPorts: [aPort('dataset', 'output')] })
      .build();
    const messages = validateMesh(mesh, { ruleIds: ['output-contracts'] }).map((finding) => finding.message);
    expect(messages).toEqual([`Output port 'dataset' of '${FSI}${OVERRIDDEN}${PDI}' has no data contract.`]);
  });

  it('is isolated in what a deletion says', () => {
    const mesh = aMesh()
      .withDomain('guests', { name: 'Guest Profiles & Loyalty' })
      .withProduct('guest-360', 'guests', { name: OVERRIDDEN })
      .build();
    const after = withoutElements(mesh, { nodeIds: new Set(['guests']), linkIds: new Set() });
    expect(describeDeletion(mesh, after)).toBe(`Deleted Guest Profiles & Loyalty, ${FSI}${OVERRIDDEN}${PDI}`);
  });
});
