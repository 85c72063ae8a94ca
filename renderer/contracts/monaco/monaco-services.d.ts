// The part of Monaco's standalone services the app uses, which `editor.api` does not export.
declare module 'monaco-editor/editor/standalone/browser/standaloneServices' {
  import type { IDisposable } from 'monaco-editor/editor/editor.api';
  export namespace StandaloneServices {
    function get<T>(serviceId: ServiceIdentifier<T>): T;
    /** Runs the callback once the services have started, at once if they have. */
    function withServices(callback: () => IDisposable): IDisposable;
  }
  export interface ServiceIdentifier<T> {
    readonly type: T;
  }
}

declare module 'monaco-editor/platform/configuration/common/configuration' {
  import type { ServiceIdentifier } from 'monaco-editor/editor/standalone/browser/standaloneServices';
  export interface IConfigurationService {
    getValue<T>(section: string): T;
    updateValue(key: string, value: unknown): Promise<void>;
  }
  export const IConfigurationService: ServiceIdentifier<IConfigurationService>;
}
