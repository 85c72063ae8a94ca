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

declare module 'monaco-editor/platform/contextkey/common/contextkey' {
  import type { IDisposable } from 'monaco-editor/editor/editor.api';
  import type { ServiceIdentifier } from 'monaco-editor/editor/standalone/browser/standaloneServices';
  export interface IContextKeyChangeEvent {
    affectsSome(keys: ReadonlySet<string>): boolean;
  }
  export interface IContextKeyService {
    onDidChangeContext(listener: (event: IContextKeyChangeEvent) => void): IDisposable;
    getContextKeyValue<T>(key: string): T | undefined;
  }
  export const IContextKeyService: ServiceIdentifier<IContextKeyService>;
}
