import { describe, expect, it } from 'vitest';
import { nearMiss, nearMisses } from '../../../shared/model/near-miss';

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

  it('reaches two slips from a name of four letters or more, when only one candidate is that close', () => {
    expect(nearMiss('stng', ['string', 'date', 'number'])).toBe('string');
    expect(nearMiss('intgr', ['integer', 'number'])).toBe('integer');
    expect(nearMiss('abc', ['abcde'])).toBeUndefined();
  });

  it('suggests nothing where two candidates are as close', () => {
    expect(nearMiss('tme', ['time', 'tame'])).toBeUndefined();
    expect(nearMiss('dat', ['date', 'data'])).toBeUndefined();
    expect(nearMiss('stng', ['string', 'sting'])).toBe('sting');
    expect(nearMiss('stig', ['string', 'stag'])).toBe('stag');
    expect(nearMiss('stng', ['string', 'sating'])).toBeUndefined();
  });

  it('suggests nothing for a name too far from every candidate', () => {
    expect(nearMiss('ab', ['width', 'height'])).toBeUndefined();
    expect(nearMiss('quality', ['schema', 'servers'])).toBeUndefined();
  });
});

describe('every name a misspelt one may have meant', () => {
  it('lists all the candidates as close as the closest, in the order given, a name in two cases once', () => {
    expect(nearMisses('dayz', ['d', 'day', 'days', 'Days', 'w'])).toEqual(['day', 'days']);
    expect(nearMisses('yaers', ['y', 'yr', 'yrs', 'year', 'years'])).toEqual(['years']);
    expect(nearMisses('fortnight', ['d', 'day', 'days'])).toEqual([]);
  });
});
