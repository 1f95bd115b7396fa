/**
 * Text made safe for HTML element content and attribute values (double- or single-quoted): for
 * the pages main writes itself (the saved report, the sandbox's sign-in page).
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
