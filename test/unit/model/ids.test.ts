import { describe, expect, it } from 'vitest';
import { IdSchema, isValidId, slugify, uniqueId } from '../../../shared/model/ids';

describe('ids', () => {
  it('refuses ids that could escape a folder', () => {
    expect(isValidId('../../etc')).toBe(false);
    expect(isValidId('a/b')).toBe(false);
    expect(isValidId('.hidden')).toBe(false);
    expect(isValidId('orders.v1')).toBe(true);
  });

  it('says an id takes ASCII letters only, as é is a letter it refuses', () => {
    const result = IdSchema.safeParse('Remboursements-Crédit_Épargne.v2');
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      'must be ASCII letters a–z or A–Z, digits, "-", "_" or inner "." (no accents, slashes or leading dot)',
    ]);
  });

  it('slugifies names into ids', () => {
    expect(slugify('Customer 360')).toBe('customer-360');
    expect(slugify('Éclair Café!')).toBe('eclair-cafe');
    expect(slugify('Ünïcødé Smørrebrød, Straße, Łódź, Æsir')).toBe('unicode-smorrebrod-strasse-lodz-aesir');
    expect(slugify('///')).toBe('item');
  });

  it('ends an id cut short at a letter or digit, not a hyphen', () => {
    const linkEnds = 'club-access-turnstile-controller-to-club-access-turnstile-check-in';
    expect(slugify(linkEnds)).toBe('club-access-turnstile-controller-to-club-access-turnstile-check');
    expect(uniqueId(linkEnds, new Set())).toBe('club-access-turnstile-controller-to-club-access-turnstile-check');
  });

  it('stands in a kind for a name with nothing an id can keep', () => {
    expect(slugify('محصول القمح', 'product')).toBe('product');
    expect(slugify('🌾', 'product')).toBe('product');
    expect(slugify('Müller Café', 'product')).toBe('muller-cafe');
    expect(uniqueId('🌾', new Set(['product']), 'product')).toBe('product-2');
  });

  it('numbers a fresh id when the stem is taken', () => {
    expect(uniqueId('Orders', new Set(['orders', 'orders-2']))).toBe('orders-3');
  });
});
