/**
 * The content loader keeps the HTML of most pages beside the data store (src/loaders/bodies.ts), so
 * Astro's `render()` from `astro:content` would show them empty. Only src/data/page-body.ts may
 * call it; routes use its `renderEntry`. Read from the source text, so a new route that calls
 * `render()` fails here, naming the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');
const ALLOWED = 'data/page-body.ts';

/** Files under src/ importing `render` from astro:content, relative to src/. */
function renderImporters(files: Record<string, string>): string[] {
  return Object.entries(files)
    .filter(([, text]) =>
      [...text.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*['"]astro:content['"]/g)].some((m) =>
        (m[1] ?? '').split(',').some((name) => /^\s*render(?:\s+as\s+\w+)?\s*$/.test(name)),
      ),
    )
    .map(([file]) => file)
    .filter((file) => file !== ALLOWED)
    .sort();
}

describe('content bodies', () => {
  it("are rendered through renderEntry: nothing else under src/ imports astro:content's render()", () => {
    const files = Object.fromEntries(
      fs
        .readdirSync(SRC, { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.(?:ts|astro|mjs)$/.test(f))
        .map((f) => [f.split(path.sep).join('/'), fs.readFileSync(path.join(SRC, f), 'utf8')]),
    );
    expect(renderImporters(files)).toEqual([]);
  });

  it('the rule catches a route importing render, under another name too', () => {
    expect(
      renderImporters({
        'pages/a.astro': "import { getCollection, render } from 'astro:content';",
        'pages/b.astro': "import { render as r } from 'astro:content';",
        'pages/c.astro': "import { getCollection } from 'astro:content';",
        [ALLOWED]: "import { type CollectionEntry, render } from 'astro:content';",
      }),
    ).toEqual(['pages/a.astro', 'pages/b.astro']);
  });
});
