/**
 * The system's "Save as" dialog as main's report logic sees it. `electron-save-dialog.ts`
 * implements it with Electron's dialog; tests and the end-to-end bridge use a double.
 */
export interface SaveDialogPort {
  /** Asks where to save; answers the chosen path, or null when the admin cancelled. */
  choosePath(options: {
    defaultName: string;
    filterName: string;
    extension: string;
  }): Promise<string | null>;
}
