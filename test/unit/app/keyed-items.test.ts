import { describe, expect, it } from 'vitest';
import { keyedItems } from '../../../renderer/app/keyed-items';

const keysOf = (items: string[]) => keyedItems(items, (item) => item.split(':')[0] ?? '').map(({ key }) => key);

describe('keyedItems', () => {
  it('keys each item by what it says, numbering the repeats, so no two keys are the same', () => {
    expect(keysOf(['total:min', 'total:max', 'id:required', 'total:pattern'])).toEqual([
      'total',
      'total #2',
      'id',
      'total #3',
    ]);
  });

  it('gives each item back with its key', () => {
    expect(keyedItems(['a', 'a'], (item) => item)).toEqual([
      { key: 'a', item: 'a' },
      { key: 'a #2', item: 'a' },
    ]);
  });
});
