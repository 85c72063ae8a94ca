import { describe, expect, it } from 'vitest';
import { dateTimePattern } from '../../../shared/export/jsonschema/type-options';

describe('a DateTimeFormatter pattern as a regular expression', () => {
  it.each([
    ['yyyy-MM-dd', '^\\d{4}-\\d{2}-\\d{2}$'],
    ['HH:mm', '^\\d{2}:\\d{2}$'],
    ["yyyy-MM-dd'T'HH:mm:ss.SSSXXX", '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2})$'],
    ['d.M.yy', '^\\d{1,2}\\.\\d{1,2}\\.\\d{2}$'],
    ["h:mm a 'o''clock'", "^\\d{1,2}:\\d{2} [AaPp][Mm] o'clock$"],
    ['HH:mm[:ss]', '^\\d{2}:\\d{2}(?::\\d{2})?$'],
    ["''yy''", "^'\\d{2}'$"],
  ])('%s → %s', (format, pattern) => {
    expect(dateTimePattern(format)).toBe(pattern);
    expect(() => new RegExp(pattern, 'u')).not.toThrow();
  });

  it.each(['EEE, d MMM yyyy', 'd MMMM uuuu', 'yyyy-ww', 'VV'])(
    'leaves %s, which names or other fields write, to the contract',
    (format) => {
      expect(dateTimePattern(format)).toBeUndefined();
    },
  );
});
