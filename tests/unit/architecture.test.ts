/**
 * The layout of src/lib/ as a rule: one folder per part of the product, imports running one way,
 * Node I/O only in files named `-fs`, nothing of Astro's virtual modules. Read from the source text,
 * so a new import against the order fails here with the file and the import named.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const LIB = path.join(ROOT, 'src/lib');

/** Which parts each part may import (besides itself). The order of the README's tree. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  content: [],
  graph: ['content'],
  markdown: ['content', 'graph'],
  search: ['content', 'graph'],
  publishing: ['content'],
  importer: ['content', 'graph'],
  checks: ['content', 'graph', 'markdown'],
};

/** The file of each part whose header says what the part is and what it may import. */
const MAIN_FILES: Record<string, string> = {
  content: 'document-types.ts',
  graph: 'document-graph.ts',
  markdown: 'plugins-fs.ts',
  search: 'engine.ts',
  publishing: 'release-fs.ts',
  importer: 'import-page-fs.ts',
  checks: 'content-checks.ts',
};

/** Node modules that reach outside the process: a file using them is named `-fs`. */
const IO_MODULES = /^node:(?:fs|fs\/promises|child_process|os|net|http|https|worker_threads|readline)$/;

/** Browser code may use these parts, and only their pure files. */
const BROWSER_MAY_IMPORT = ['content', 'graph', 'search'];

interface SourceFile {
  /** Path relative to the repository, with `/`. */
  file: string;
  /** Import specifiers, static and dynamic. */
  imports: string[];
}

function sourceFiles(dir: string): SourceFile[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(?:ts|mjs)$/.test(name))
    .sort()
    .map((name) => {
      const full = path.join(dir, name);
      const text = fs.readFileSync(full, 'utf8');
      const imports = [
        ...text.matchAll(
          /(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
        ),
      ].map((m) => (m[1] ?? m[2]) as string);
      return { file: path.relative(ROOT, full).split(path.sep).join('/'), imports };
    });
}

/** The part of src/lib/ a repository path is in ("src/lib/graph/x.ts" → "graph"), else undefined. */
function partOf(file: string): string | undefined {
  const m = /^src\/lib\/([^/]+)\//.exec(file);
  return m?.[1];
}

function resolve(from: string, spec: string): string {
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
}

/** Every way `files` break the layout, one sentence each. Empty when the layout holds. */
function layoutViolations(files: readonly SourceFile[]): string[] {
  const out: string[] = [];
  for (const { file, imports } of files) {
    const part = partOf(file);
    const isFs = file.endsWith('-fs.ts');
    if (part !== undefined && !(part in MAY_IMPORT))
      out.push(`${file}: ${part}/ is not a known part of src/lib/`);
    for (const spec of imports) {
      if (spec.startsWith('astro:')) out.push(`${file} imports ${spec}: src/lib/ stays free of Astro`);
      if (IO_MODULES.test(spec) && !isFs)
        out.push(`${file} imports ${spec}: Node I/O belongs in a file named -fs`);
      if (!spec.startsWith('.')) continue;
      const target = resolve(file, spec);
      const targetPart = partOf(target);
      if (target.endsWith('-fs.ts') && !isFs && part !== undefined)
        out.push(`${file} imports ${target}: a pure file may not import a -fs file`);
      if (part === undefined || targetPart === undefined || targetPart === part) continue;
      if (!(MAY_IMPORT[part] ?? []).includes(targetPart))
        out.push(`${file} imports ${target}: ${part}/ may not import ${targetPart}/`);
    }
  }
  return out;
}

function browserViolations(files: readonly SourceFile[]): string[] {
  const out: string[] = [];
  for (const { file, imports } of files) {
    for (const spec of imports) {
      if (spec.startsWith('node:'))
        out.push(`${file} imports ${spec}: browser code runs in the reader's browser`);
      if (!spec.startsWith('.')) continue;
      const target = resolve(file, spec);
      const targetPart = partOf(target);
      if (target.endsWith('-fs.ts'))
        out.push(`${file} imports ${target}: a -fs file cannot run in a browser`);
      if (targetPart !== undefined && !BROWSER_MAY_IMPORT.includes(targetPart))
        out.push(`${file} imports ${target}: browser code may use only ${BROWSER_MAY_IMPORT.join(', ')}`);
    }
  }
  return out;
}

describe('the layout of src/lib', () => {
  const lib = sourceFiles(LIB);

  it('has no loose files: every file belongs to a part', () => {
    expect(lib.filter((f) => partOf(f.file) === undefined).map((f) => f.file)).toEqual([]);
  });

  it('imports run one way, I/O stays in -fs files, and nothing imports astro:*', () => {
    expect(layoutViolations(lib)).toEqual([]);
  });

  it('the rule catches an import against the order, Node I/O in a pure file and astro:*', () => {
    const bad: SourceFile[] = [
      {
        file: 'src/lib/content/catalog.ts',
        imports: ['../graph/code-parser.ts', 'node:fs', 'astro:content'],
      },
      { file: 'src/lib/search/engine.ts', imports: ['../publishing/release-fs.ts'] },
    ];
    expect(layoutViolations(bad).sort()).toEqual([
      'src/lib/content/catalog.ts imports astro:content: src/lib/ stays free of Astro',
      'src/lib/content/catalog.ts imports node:fs: Node I/O belongs in a file named -fs',
      'src/lib/content/catalog.ts imports src/lib/graph/code-parser.ts: content/ may not import graph/',
      'src/lib/search/engine.ts imports src/lib/publishing/release-fs.ts: a pure file may not import a -fs file',
      'src/lib/search/engine.ts imports src/lib/publishing/release-fs.ts: search/ may not import publishing/',
    ]);
  });

  it("each part's main file says in its header what the part is and what it may import", () => {
    for (const part of fs.readdirSync(LIB)) {
      const main = MAIN_FILES[part];
      expect(main, `${part}/ has no main file listed here`).toBeDefined();
      const header = /^\/\*\*[\s\S]*?\*\//.exec(
        fs.readFileSync(path.join(LIB, part, main as string), 'utf8'),
      )?.[0];
      expect(header, `src/lib/${part}/${main}`).toMatch(/[Mm]ay(?:\s|\*)+import/);
    }
  });
});

describe('browser code (src/browser)', () => {
  it('uses only pure files of the content model, the graph and search', () => {
    expect(browserViolations(sourceFiles(path.join(ROOT, 'src/browser')))).toEqual([]);
  });
});
