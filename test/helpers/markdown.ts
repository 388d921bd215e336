/** Fenced code blocks of a Markdown text, with their language tag and 1-based line of the opening fence. */
export interface Snippet {
  lang: string;
  code: string;
  line: number;
}

export function snippets(markdown: string): Snippet[] {
  const out: Snippet[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w+-]*)/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[2]!;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !lines[j]!.trim().startsWith(fence); j++) body.push(lines[j]!.slice(open[1]!.length));
    out.push({ lang: open[3]!.toLowerCase(), code: body.join('\n'), line: i + 1 });
    i = j;
  }
  return out;
}
