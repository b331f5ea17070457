/**
 * `npm run check` (after `astro check`): runs the content checks and prints each problem as
 * `file:line  message`. Exits 1 if any is an error. Reads SO_TAY_CONTENT_DIR like the build.
 */
import path from 'node:path';
import { runChecks } from '../src/lib/checks/content-checks.ts';
import { ContentFileError } from '../src/lib/content/content-files.ts';
import { readContentFiles } from '../src/lib/content/content-files-fs.ts';
import { contentGuardProblems } from '../src/lib/content/content-guard-fs.ts';
import { contentDir } from '../src/lib/content/paths.ts';
import { TaxonomyError } from '../src/lib/content/taxonomy.ts';
import { readTaxonomies } from '../src/lib/content/taxonomy-fs.ts';

const root = contentDir();
// First what also stops the build before it reads anything: links, special files, impossible dates,
// YAML aliases. The checks below read the pages, so they wait until these are fixed.
const guard = contentGuardProblems({ contentDir: root, publicDir: path.resolve('public') });
for (const p of guard) console.log(`LỖI   ${path.relative(process.cwd(), p.file)}:${p.line}  ${p.message}`);
if (guard.length > 0) {
  console.log(`Kiểm tra nội dung: ${guard.length} lỗi phải sửa trước khi đọc các trang.`);
  process.exit(1);
}
try {
  const problems = runChecks({
    files: readContentFiles(root),
    taxonomies: readTaxonomies(root),
    root,
    projectRoot: path.resolve(import.meta.dirname, '..'),
  });
  for (const p of problems) {
    const where = `${path.relative(process.cwd(), p.file)}:${p.line}`;
    console.log(`${p.severity === 'error' ? 'LỖI ' : 'CHÚ Ý'}  ${where}  ${p.message}`);
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  console.log(`Kiểm tra nội dung: ${errors} lỗi, ${problems.length - errors} chú ý.`);
  process.exitCode = errors > 0 ? 1 : 0;
} catch (err) {
  if (err instanceof ContentFileError || err instanceof TaxonomyError) {
    console.error(`LỖI  ${err.message}`);
    process.exitCode = 1;
  } else throw err;
}
