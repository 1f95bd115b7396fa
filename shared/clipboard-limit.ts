/**
 * The most characters the clipboard takes as plain text (the `clipboard:copy` contract); the
 * probe report's ticket text is cut to fit it. Kept apart from the schemas, with no zod import, so
 * the renderer can use it without shipping zod.
 */
export const MAX_CLIPBOARD_TEXT_CHARS = 4096;
