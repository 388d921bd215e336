/**
 * A Markdown table cell (job summaries): no pipe ends the cell, no raw HTML, one line — a line break
 * in the text becomes `<br>`, the one HTML tag a cell keeps.
 */
export function markdownCell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\r\n|\r|\n/g, '<br>');
}
