import { BrowserWindow, dialog } from 'electron';

import type { SaveDialogPort } from './save-dialog-port';

/** Electron's save dialog, attached to the focused window when there is one. */
export function createElectronSaveDialog(): SaveDialogPort {
  return {
    choosePath: async ({ defaultName, filterName, extension }) => {
      const options = {
        defaultPath: defaultName,
        filters: [{ name: filterName, extensions: [extension] }],
      };
      const window = BrowserWindow.getFocusedWindow();
      const chosen = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
    },
  };
}
