/**
 * Walks the folders the build publishes from — the content directory and `public/` — and finds what
 * must stop the build before Astro reads a byte of them:
 *
 * - a symbolic link (one to `/etc/hostname` in `public/` was published as a page asset; one in
 *   `content/` makes the build read a file from anywhere on the machine), or anything that is not a
 *   plain file or folder (a FIFO would hang the build);
 * - in pages and data files, what frontmatter-guard.ts refuses: dates that do not exist, YAML anchors
 *   and aliases.
 *
 * Nothing here follows a link: entries are read with `lstat` semantics (`readdir` file types).
 * Used by the build (src/integrations/content-guard.ts) and by `npm run check`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { extractFrontmatter, pageFrontmatterProblems, yamlProblems } from './frontmatter-guard.ts';

/** One refusal, located in a file. */
export interface GuardProblem {
  /** Absolute path. */
  file: string;
  /** 1-based line, or 1 for a problem with the file itself. */
  line: number;
  /** What is wrong and what to do, in Vietnamese. */
  message: string;
}

/** The folders to guard. */
export interface GuardedFolders {
  /** The content directory (van-ban/, tin/, data/). */
  contentDir: string;
  /** Astro's `publicDir`, copied into the site as it is. */
  publicDir: string;
}

const PAGE_EXTENSIONS = new Set(['.mdx', '.md', '.markdown']);
const YAML_EXTENSIONS = new Set(['.yaml', '.yml']);

/** Every entry under `dir`, links and special files included, never following a link. */
function* entries(dir: string): Generator<{ full: string; dirent: fs.Dirent }> {
  let list: fs.Dirent[];
  try {
    list = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // A folder that does not exist has nothing to refuse.
  }
  for (const dirent of list.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, dirent.name);
    yield { full, dirent };
    if (dirent.isDirectory()) yield* entries(full);
  }
}

/** What is known of an entry without following it: a `Dirent` or an `lstat` result. */
type EntryKind = Pick<fs.Dirent, 'isSymbolicLink' | 'isFile' | 'isDirectory'>;

/** Why an entry may not be published, or null when it is a plain file or folder. */
function entryProblem(full: string, kind: EntryKind, folderName: string): GuardProblem | null {
  if (kind.isSymbolicLink()) {
    let target = '?';
    try {
      target = fs.readlinkSync(full);
    } catch {}
    return {
      file: full,
      line: 1,
      message:
        `liên kết tượng trưng (symlink) tới "${target}" không được dùng trong ${folderName}: build sẽ đọc và ` +
        'đăng nội dung của tệp đích, kể cả tệp ngoài dự án. Hãy thay liên kết bằng một bản sao của tệp.',
    };
  }
  if (!kind.isFile() && !kind.isDirectory()) {
    return {
      file: full,
      line: 1,
      message: `không phải tệp thường hay thư mục (FIFO, socket hoặc thiết bị) nên không được để trong ${folderName}: hãy xoá nó.`,
    };
  }
  return null;
}

/** How much of a page is read first: its frontmatter is at the top, and rarely longer. */
const HEAD_BYTES = 16 * 1024;

/**
 * The start of a page, enough to hold its frontmatter: the first {@link HEAD_BYTES} when the
 * frontmatter ends within them, else the whole file. Reading only the head halves the guard's time
 * on 10,000 pages (the bodies are most of the bytes).
 */
function pageHead(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const read = fs.readSync(fd, buffer, 0, HEAD_BYTES, 0);
    const head = buffer.toString('utf8', 0, read);
    if (read < HEAD_BYTES || extractFrontmatter(head) !== null) return head;
  } finally {
    fs.closeSync(fd);
  }
  return fs.readFileSync(file, 'utf8');
}

/** Problems of one plain file: its frontmatter if it is a page, its YAML if it is a data file. */
export function fileContentProblems(file: string): GuardProblem[] {
  const ext = path.extname(file).toLowerCase();
  if (!PAGE_EXTENSIONS.has(ext) && !YAML_EXTENSIONS.has(ext)) return [];
  const problems = PAGE_EXTENSIONS.has(ext)
    ? pageFrontmatterProblems(pageHead(file))
    : yamlProblems(fs.readFileSync(file, 'utf8'));
  return problems.map(({ line, message }) => ({ file, line, message }));
}

/**
 * Everything in the content directory and `public/` that must stop the build, sorted by file and
 * line. Links and special files in either; page frontmatter and YAML data in the content directory.
 */
export function contentGuardProblems({ contentDir, publicDir }: GuardedFolders): GuardProblem[] {
  const problems: GuardProblem[] = [];
  for (const [dir, folderName, readContent] of [
    [contentDir, 'thư mục nội dung', true],
    [publicDir, 'public/', false],
  ] as const) {
    for (const { full, dirent } of entries(dir)) {
      const problem = entryProblem(full, dirent, folderName);
      if (problem !== null) problems.push(problem);
      else if (readContent && dirent.isFile()) problems.push(...fileContentProblems(full));
    }
  }
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/**
 * The problems of one path, as `astro dev` sees a file added or changed: a link or special file, or
 * the frontmatter of a page. Empty for a path outside the guarded folders.
 */
export function pathGuardProblems(file: string, folders: GuardedFolders): GuardProblem[] {
  const inside = (dir: string) => !path.relative(dir, file).startsWith('..');
  const folderName = inside(folders.contentDir)
    ? 'thư mục nội dung'
    : inside(folders.publicDir)
      ? 'public/'
      : null;
  if (folderName === null) return [];
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch {
    return [];
  }
  const problem = entryProblem(file, stat, folderName);
  if (problem !== null) return [problem];
  return folderName === 'thư mục nội dung' && stat.isFile() ? fileContentProblems(file) : [];
}

/**
 * The message that stops the build: every problem as `file:line  message`, paths relative to `cwd`,
 * then what to do.
 */
export function formatGuardProblems(problems: readonly GuardProblem[], cwd = process.cwd()): string {
  const lines = problems.map((p) => `  ${path.relative(cwd, p.file) || p.file}:${p.line}  ${p.message}`);
  return (
    `Nội dung có ${problems.length} lỗi phải sửa trước khi build (chưa tệp nào được đọc hay đăng):\n` +
    `${lines.join('\n')}\nSửa các chỗ trên rồi chạy lại; npm run check liệt kê cùng các lỗi này.`
  );
}
