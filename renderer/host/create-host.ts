import { BRIDGE_GLOBAL, type DesktopBridge } from '../../shared/ipc';
import { browserHost } from './browser-host';
import { desktopHost } from './desktop-host';
import type { Host } from './host';
import { indexedDbStore } from './key-value-store';

/** The desktop preload exposes the bridge; without it we are in a plain browser. */
export function createHost(): Host {
  const store = indexedDbStore('data-mesh-designer');
  const bridge = (window as unknown as Record<string, DesktopBridge | undefined>)[BRIDGE_GLOBAL];
  return bridge ? desktopHost(bridge, store) : browserHost(store);
}
