/**
 * Builds the sites the end-to-end suite checks, once per run: the fictional fixture site always, and
 * the real content when `content/` has pages. Both are built under BASE_PATH=/so-tay/ so publishing
 * under a sub-path is covered, into tests/.tmp/e2e-dist/<name>/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { DOCUMENTS_DIR, NEWS_DIR } from '../../src/lib/content/paths.ts';
import { buildSite, ROOT } from '../helpers/build.ts';
import { E2E_BASE, type E2eSite } from './sites.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eSites: E2eSite[];
  }
}

function hasPages(dir: string): boolean {
  return [DOCUMENTS_DIR, NEWS_DIR].some((sub) => {
    const folder = path.join(dir, sub);
    return (
      fs.existsSync(folder) &&
      fs.readdirSync(folder, { recursive: true }).some((f) => String(f).endsWith('.mdx'))
    );
  });
}

export default async function setup(project: TestProject): Promise<void> {
  const out = path.join(ROOT, 'tests/.tmp/e2e-dist');
  const candidates = [
    { name: 'fixture', contentDir: path.join(ROOT, 'tests/fixtures/site') },
    { name: 'content', contentDir: path.join(ROOT, 'content') },
  ].filter((c) => hasPages(c.contentDir));
  const sites: E2eSite[] = [];
  for (const c of candidates) {
    const dist = path.join(out, c.name);
    await buildSite({
      contentDir: c.contentDir,
      outDir: dist,
      base: E2E_BASE,
      env: { SITE_URL: 'http://so-tay.example' },
      logFile: path.join(out, `${c.name}.log`),
    });
    sites.push({ name: c.name, dist, base: E2E_BASE });
  }
  project.provide('e2eSites', sites);
}
