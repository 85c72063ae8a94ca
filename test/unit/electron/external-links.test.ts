import { describe, expect, it } from 'vitest';
import { createExternalLinkOpener, isOpenableLink } from '../../../electron/security/external-links';

function anOpener(answer: boolean) {
  const asked: string[] = [];
  const opened: string[] = [];
  const open = createExternalLinkOpener({
    confirm: async (url) => {
      asked.push(url);
      return answer;
    },
    open: async (url) => void opened.push(url),
  });
  return { open, asked, opened };
}

describe('opening links in the browser', () => {
  it('opens an https link once the user confirmed the address shown to them', async () => {
    const { open, asked, opened } = anOpener(true);

    expect(await open('https://bitol-io.github.io/open-data-contract-standard/')).toBe(true);
    expect(asked).toEqual(['https://bitol-io.github.io/open-data-contract-standard/']);
    expect(opened).toEqual(asked);
  });

  it('opens nothing when the user declines', async () => {
    const { open, opened } = anOpener(false);

    expect(await open('https://example.com/')).toBe(false);
    expect(opened).toEqual([]);
  });

  it.each([
    'http://example.com/',
    'file:///etc/passwd',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'https://user:pass@example.com/',
    'not a link',
  ])('never offers %s', async (url) => {
    const { open, asked } = anOpener(true);

    expect(isOpenableLink(url)).toBe(false);
    expect(await open(url)).toBe(false);
    expect(asked).toEqual([]);
  });

  it('asks one question at a time, so a page cannot pile up dialogs', async () => {
    let answer: (value: boolean) => void = () => {};
    const asked: string[] = [];
    const open = createExternalLinkOpener({
      confirm: (url) => {
        asked.push(url);
        return new Promise((resolve) => {
          answer = resolve;
        });
      },
      open: async () => {},
    });

    const first = open('https://example.com/1');
    expect(await open('https://example.com/2')).toBe(false);
    answer(false);
    await first;

    expect(asked).toEqual(['https://example.com/1']);
  });
});
