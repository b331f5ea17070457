/**
 * Writing a draft page: YAML frontmatter, a note to the editor, the body. The frontmatter is written
 * by the `yaml` library from plain values, so any text (quotes, colons, `#`, newlines, control
 * characters) is quoted or escaped as YAML requires; the note is an MDX comment, which the reader
 * never sees; the body comes from markdown-body.ts, already MDX-safe. Long values stay on one line
 * (no folding), so an editor changes a title or a summary where it stands.
 */
import { Document, isMap, isScalar } from 'yaml';

/** One frontmatter field, in the order written, with an optional comment for the editor above it. */
export interface FrontmatterField {
  key: string;
  /** A plain value: string, number, boolean, array or object of those. `undefined` leaves the field out. */
  value: unknown;
  /** Written as a YAML comment above the field (one or more lines). */
  comment?: string;
}

/** The frontmatter block, `---` lines included. */
export function frontmatterYaml(fields: readonly FrontmatterField[]): string {
  // A field left out keeps its comment: it moves above the next field, so the editor still reads why.
  const present: FrontmatterField[] = [];
  let carried: string[] = [];
  for (const f of fields) {
    if (f.value === undefined) {
      if (f.comment !== undefined) carried.push(f.comment);
      continue;
    }
    const comments = [...carried, ...(f.comment === undefined ? [] : [f.comment])];
    present.push(
      comments.length === 0 ? { key: f.key, value: f.value } : { ...f, comment: comments.join('\n') },
    );
    carried = [];
  }
  const doc = new Document(Object.fromEntries(present.map((f) => [f.key, f.value])));
  const contents = doc.contents;
  if (isMap(contents)) {
    for (const item of contents.items) {
      const key = isScalar(item.key) ? String(item.key.value) : '';
      const comment = present.find((f) => f.key === key)?.comment;
      if (comment !== undefined && isScalar(item.key)) {
        item.key.commentBefore = comment
          .split('\n')
          .map((l) => ` ${l}`)
          .join('\n');
      }
    }
  }
  const yaml = doc.toString({ lineWidth: 0 });
  return `---\n${yaml}---\n`;
}

/**
 * An MDX comment (`{/* … *\/}`) holding a note to the editor: shown in the file, never on the page.
 * A `*\/` inside the note would close the comment early, so it is broken up.
 */
export function mdxComment(lines: readonly string[]): string {
  const safe = lines.map((l) => l.replace(/\*\//g, '* /'));
  return `{/*\n${safe.map((l) => (l === '' ? '' : `  ${l}`)).join('\n')}\n*/}\n`;
}

/** The whole page: frontmatter, the note, the body. Ends with one newline. */
export function mdxPage(fields: readonly FrontmatterField[], note: readonly string[], body: string): string {
  const parts = [frontmatterYaml(fields)];
  if (note.length > 0) parts.push(`\n${mdxComment(note)}`);
  const trimmed = body.trim();
  if (trimmed !== '') parts.push(`\n${trimmed}\n`);
  return parts.join('');
}
