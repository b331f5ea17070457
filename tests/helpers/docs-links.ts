/**
 * Checks that what the README and docs/ point at exists, so a reader who follows them never meets a
 * dead end: tests/unit/docs.test.ts runs it over the real files and over broken examples.
 *
 * - every relative link (`[text](docs/search.md#filters)`, images, reference definitions) names a
 *   file or folder of the repository, and its `#anchor` is a heading of the target as GitHub slugs
 *   it (`github-slugger`, with `-1`, `-2` for repeated headings);
 * - every `npm run <name>` (and `npm test`) is a script in package.json;
 * - every repository path written as code (inline or in a code block) that starts with one of
 *   {@link REPO_PATH_PREFIXES} exists: a glob (`tests/unit/search/*.test.ts`) must match something,
 *   and a path with a placeholder (`content/van-ban/<code-slug>-<year>.mdx`) must exist up to it.
 *   Paths inside a folder .gitignore lists (`tests/.tmp/…`) are what commands write, so they cannot
 *   be required to exist in a fresh clone.
 *
 * Links to other hosts (`https://…`) are not followed: the machines have no internet.
 */
import fs from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import { toString as textOf } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { parse } from './markdown.ts';

/** Where repository paths written in the docs start. */
export const REPO_PATH_PREFIXES = ['src/', 'scripts/', 'tests/', 'content/', 'docs/'] as const;

/** One dead end, with the file (relative to the root) and line it is written on. */
export interface DocProblem {
  file: string;
  line: number;
  message: string;
}

/** What a check found, and how much it looked at (so a check that saw nothing cannot pass). */
export interface DocCheckReport {
  problems: DocProblem[];
  checked: { links: number; anchors: number; scripts: number; paths: number };
}

/** The files the check covers: README.md and every Markdown file under docs/, relative to `root`. */
export function docFiles(root: string): string[] {
  const docs = path.join(root, 'docs');
  const inDocs = fs.existsSync(docs)
    ? fs
        .readdirSync(docs, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f.split(path.sep).join('/')}`)
        .sort()
    : [];
  return ['README.md', ...inDocs];
}

/** The anchors GitHub gives the headings of a Markdown text. */
export function headingSlugs(text: string): Set<string> {
  const slugger = new GithubSlugger();
  const slugs = new Set<string>();
  visit(parse(text), 'heading', (node) => {
    slugs.add(slugger.slug(textOf(node)));
  });
  return slugs;
}

/** Folders .gitignore lists (`tests/.tmp/`), as repository paths ending in `/`. */
function ignoredFolders(root: string): string[] {
  const file = path.join(root, '.gitignore');
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.endsWith('/') && !l.startsWith('#') && !l.includes('*'))
    .map((l) => l.replace(/^\//, ''));
}

/** Characters around a path in prose or a command line that are not part of it. */
const EDGE_PUNCTUATION = /^[("'`]+|[)"'`,;:.]+$/g;
/** A path segment holding a placeholder rather than a real name. */
const PLACEHOLDER = /[<…$]/;

/** Why a repository path written in the docs does not exist, or null when it does. */
function missingPath(root: string, written: string, ignored: readonly string[]): string | null {
  if (ignored.some((folder) => written.startsWith(folder))) return null;
  if (/[*{]/.test(written)) {
    const pattern = written.replace(/[[\]]/g, '\\$&');
    return fs.globSync(pattern, { cwd: root }).length > 0 ? null : `${written}: không khớp tệp nào`;
  }
  const segments = written.split('/');
  const cut = segments.findIndex((s) => PLACEHOLDER.test(s));
  const real = (cut === -1 ? segments : segments.slice(0, cut)).join('/');
  return fs.existsSync(path.join(root, real)) ? null : `${written}: không có ${real}`;
}

/** The target file and anchor of a relative link, or null for a link to another host or scheme. */
function relativeTarget(url: string, from: string): { file: string; anchor: string } | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return null;
  const hash = url.indexOf('#');
  const target = decodeURIComponent(hash === -1 ? url : url.slice(0, hash));
  const anchor = hash === -1 ? '' : decodeURIComponent(url.slice(hash + 1));
  const file =
    target === ''
      ? from
      : target.startsWith('/')
        ? target.slice(1)
        : path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
  return { file, anchor };
}

/**
 * Checks `files` (paths relative to `root`, default {@link docFiles}) against the repository at
 * `root` and its package.json. Returns every problem, in file and line order.
 */
export function checkDocs(root: string, files: readonly string[] = docFiles(root)): DocCheckReport {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  const scripts = new Set(Object.keys(pkg.scripts ?? {}));
  const ignored = ignoredFolders(root);
  const slugCache = new Map<string, Set<string>>();
  const slugsOf = (file: string) => {
    let slugs = slugCache.get(file);
    if (!slugs) {
      slugs = headingSlugs(fs.readFileSync(path.join(root, file), 'utf8'));
      slugCache.set(file, slugs);
    }
    return slugs;
  };
  const report: DocCheckReport = { problems: [], checked: { links: 0, anchors: 0, scripts: 0, paths: 0 } };

  for (const file of files) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const problem = (line: number, message: string) => report.problems.push({ file, line, message });

    // Links: inline links, images and reference definitions.
    visit(parse(text), (node) => {
      const line = node.position?.start.line ?? 0;
      if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
        const target = relativeTarget(node.url, file);
        if (!target) return;
        report.checked.links++;
        const onDisk = path.join(root, target.file);
        if (target.file.startsWith('../') || !fs.existsSync(onDisk)) {
          problem(line, `liên kết ${node.url}: không có tệp ${target.file}`);
          return;
        }
        if (target.anchor === '') return;
        report.checked.anchors++;
        if (!target.file.endsWith('.md') || fs.statSync(onDisk).isDirectory()) {
          problem(
            line,
            `liên kết ${node.url}: ${target.file} không phải tệp Markdown, không có mục #${target.anchor}`,
          );
        } else if (!slugsOf(target.file).has(target.anchor)) {
          problem(line, `liên kết ${node.url}: ${target.file} không có mục tiêu đề #${target.anchor}`);
        }
      }
      if (node.type === 'inlineCode' || node.type === 'code') {
        node.value.split('\n').forEach((codeLine, i) => {
          for (const token of codeLine.split(/\s+/)) {
            // `file:line` as a message prints it names the file.
            const written = token.replace(EDGE_PUNCTUATION, '').replace(/:\d+(?::\d+)?$/, '');
            if (!REPO_PATH_PREFIXES.some((p) => written.startsWith(p))) continue;
            report.checked.paths++;
            const missing = missingPath(root, written, ignored);
            // A fenced block's first line is its ``` fence.
            if (missing) problem(line + (node.type === 'code' ? i + 1 : 0), `đường dẫn ${missing}`);
          }
        });
      }
    });

    // npm scripts, wherever they are written (prose, inline code, code blocks).
    text.split('\n').forEach((lineText, i) => {
      for (const m of lineText.matchAll(/\bnpm (?:run ([\w:.-]+)|(test)\b)/g)) {
        const name = m[1] ?? m[2] ?? '';
        report.checked.scripts++;
        if (!scripts.has(name))
          problem(i + 1, `npm ${m[1] ? 'run ' : ''}${name}: package.json không có script "${name}"`);
      }
    });
  }
  report.problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return report;
}
