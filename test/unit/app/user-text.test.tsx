import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { UserText } from '../../../renderer/app/user-text';

const drawn = (text: string) => renderToStaticMarkup(<UserText text={text} />);

describe('a name drawn among the app’s own text (the canvas, lists)', () => {
  it('is isolated, so an override in it reorders nothing outside it, and shows its control characters escaped', () => {
    expect(drawn('\u202eevil\u0000 name')).toBe('<bdi>\u202eevil\\u0000 name</bdi>');
    expect(drawn('Orders\nline')).toBe('<bdi>Orders\\nline</bdi>');
  });

  it('keeps a right-to-left name, and the marks it may hold, as written', () => {
    expect(drawn('הכנסות 2025\u200f')).toBe('<bdi>הכנסות 2025\u200f</bdi>');
    expect(drawn('مبيعات')).toBe('<bdi>مبيعات</bdi>');
  });
});
