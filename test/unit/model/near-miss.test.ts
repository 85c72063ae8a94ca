import { describe, expect, it } from 'vitest';
import { nearMiss } from '../../../shared/model/near-miss';

describe('the name a misspelt one most likely meant', () => {
  it('counts two neighbouring letters swapped as one slip', () => {
    expect(nearMiss('widht', ['width', 'height'])).toBe('width');
    expect(nearMiss('nmae', ['name', 'owner'])).toBe('name');
  });

  it('takes a letter left out, added or changed, whatever the capitals', () => {
    expect(nearMiss('outpuPorts', ['inputPorts', 'outputPorts'])).toBe('outputPorts');
    expect(nearMiss('colour', ['color', 'owner'])).toBe('color');
    expect(nearMiss('nodeID', ['nodeId'])).toBe('nodeId');
  });

  it('suggests nothing for a name too far from every candidate', () => {
    expect(nearMiss('ab', ['width', 'height'])).toBeUndefined();
    expect(nearMiss('quality', ['schema', 'servers'])).toBeUndefined();
  });
});
