import { chromium } from 'playwright-core';
import { HEADLESS_ARGS } from '../../cli/render/headless-chromium';

export { findChromium } from '../../cli/render/headless-chromium';

/**
 * Headless Chromium still loads its address bar's popups as pages of their own, in a renderer
 * that took a fifth of the end-to-end suite's time here. Nothing here types into an address bar.
 */
const UNUSED_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

const DISABLE_FEATURES = '--disable-features=';

/**
 * One raster thread rather than Chromium's default: on a two-core machine running two browsers,
 * the extra threads only contend with the pages' own work (7–8 % less CPU for the same tests here).
 */
const ONE_RASTER_THREAD = '--num-raster-threads=1';

/**
 * Chromium keeps only the last `--disable-features` it is given: this one lists the features a
 * command line already turns off, then the unused ones.
 */
export function disableFeaturesArg(commandLine: readonly string[]): string {
  const given = commandLine.findLast((arg) => arg.startsWith(DISABLE_FEATURES));
  const disabled = given ? given.slice(DISABLE_FEATURES.length).split(',').filter(Boolean) : [];
  return DISABLE_FEATURES + [...new Set([...disabled, ...UNUSED_FEATURES])].join(',');
}

/**
 * The arguments to launch Chromium with. Playwright passes a `--disable-features` list of its own,
 * read here off a browser it launched, so that the unused features join it rather than replace it.
 */
export async function chromiumArgs(executablePath: string): Promise<string[]> {
  // The browser tells its command line only under automation.
  const probe = await chromium.launch({ executablePath, args: [...HEADLESS_ARGS, '--enable-automation'] });
  try {
    const session = await probe.newBrowserCDPSession();
    const { arguments: commandLine } = await session.send('Browser.getBrowserCommandLine');
    return [...HEADLESS_ARGS, ONE_RASTER_THREAD, disableFeaturesArg(commandLine)];
  } finally {
    await probe.close();
  }
}
