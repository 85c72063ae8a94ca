import { StandaloneServices } from 'monaco-editor/editor/standalone/browser/standaloneServices';
import { IConfigurationService } from 'monaco-editor/platform/configuration/common/configuration';

/** Settings Monaco reads from its configuration service, where an editor's options do not reach. */
const MONACO_SETTINGS: Readonly<Record<string, unknown>> = {
  // Only quick fixes are offered, so the "Quick Fix" header names nothing the menu does not show,
  // and Monaco draws it as a separator inside a listbox, which assistive technologies refuse.
  'editor.codeActionWidget.showHeaders': false,
};

/**
 * Gives Monaco the app's settings once its services start (with the first editor), without
 * starting them early: a language loaded after this (JSON) registers services they must know.
 */
export function applyMonacoSettings(): void {
  StandaloneServices.withServices(() => {
    const configuration = StandaloneServices.get(IConfigurationService);
    for (const [key, value] of Object.entries(MONACO_SETTINGS)) void configuration.updateValue(key, value);
    return { dispose: () => undefined };
  });
}
