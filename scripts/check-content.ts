/**
 * `npm run check` (after `astro check`): runs the content checks and prints each problem as
 * `file:line  message`. Exits 1 if any is an error. Reads SO_TAY_CONTENT_DIR like the build.
 */
import path from 'node:path';
import { DEFAULT_CHECKS, runChecks } from '../src/lib/checks/content-checks.ts';
import { checkSourceEcho } from '../src/lib/checks/source-echo.ts';
import { ContentFileError } from '../src/lib/content/content-files.ts';
import { readContentFiles } from '../src/lib/content/content-files-fs.ts';
import { contentDir } from '../src/lib/content/paths.ts';
import { readSourceTexts } from '../src/lib/content/source-texts-fs.ts';
import { TaxonomyError } from '../src/lib/content/taxonomy.ts';
import { readTaxonomies } from '../src/lib/content/taxonomy-fs.ts';

const root = contentDir();
try {
  const problems = runChecks({ files: readContentFiles(root), taxonomies: readTaxonomies(root), root }, [
    ...DEFAULT_CHECKS,
    checkSourceEcho(readSourceTexts(root)),
  ]);
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
