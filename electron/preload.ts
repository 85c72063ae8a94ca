import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { BRIDGE_GLOBAL } from '../shared/ipc';
import { createDesktopBridge } from './bridge/desktop-bridge';

contextBridge.exposeInMainWorld(
  BRIDGE_GLOBAL,
  createDesktopBridge(ipcRenderer, (file) => webUtils.getPathForFile(file)),
);
