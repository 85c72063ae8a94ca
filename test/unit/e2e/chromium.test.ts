import { describe, expect, it } from 'vitest';
import { disableFeaturesArg } from '../../e2e/chromium';

describe('the --disable-features argument the end-to-end Chromium is launched with', () => {
  it('keeps every feature the command line already turns off, and adds the address bar popups', () => {
    const commandLine = ['--headless', '--disable-features=PaintHolding,MediaRouter', '--no-sandbox'];
    expect(disableFeaturesArg(commandLine)).toBe(
      '--disable-features=PaintHolding,MediaRouter,WebUIOmniboxPopup,WebUIOmniboxAimPopup',
    );
  });

  it('reads the last list, the one Chromium keeps, and names each feature once', () => {
    const commandLine = ['--disable-features=Ignored', '--disable-features=WebUIOmniboxPopup,HttpsUpgrades'];
    expect(disableFeaturesArg(commandLine)).toBe(
      '--disable-features=WebUIOmniboxPopup,HttpsUpgrades,WebUIOmniboxAimPopup',
    );
  });

  it('turns off only the popups when nothing else is turned off', () => {
    expect(disableFeaturesArg(['--headless'])).toBe('--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup');
  });
});
