/**
 * `npm run check [-- --verbose] [-- --fix-nfc]`: checks every page, drafts included, and prints each problem as
 * `LỖI|CHÚ Ý  file:line  message`, errors first, then the drafts (`Bản nháp: file:line`), then a
 * summary. Exits 1 if any is an error. Reads SO_TAY_CONTENT_DIR like the build.
 *
 * First the content guard (src/lib/content/content-guard-fs.ts): links, special files, impossible
 * dates and YAML aliases stop everything, as they stop the build. Then two checks run side by side: `astro check` (the schema of every page, which only Astro can apply,
 * and the types of the code) in a child process, and the content checks of
 * src/lib/checks/content-checks.ts (frontmatter that is not YAML, MDX that would not compile, file
 * names, sources, document mentions…). A failure of `astro check` is explained the way the build
 * explains it (src/lib/content/build-errors-fs.ts), one Vietnamese sentence with file and line
 * before Astro's own report; its complete output is kept in .astro/so-tay-astro.log, and
 * `--verbose` prints it untouched. `--fix-nfc` first rewrites the content files that are not stored
 * NFC (src/lib/content/nfc-fs.ts).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { DEFAULT_CHECKS, draftsOf, type Problem, runChecks } from '../src/lib/checks/content-checks.ts';
import { checkSourceEcho } from '../src/lib/checks/source-echo.ts';
import { withoutNoise } from '../src/lib/content/build-errors.ts';
import {
  ASTRO_LOG,
  displayPath,
  explainAstroOutput,
  heldOutput,
  runAstro,
  writeAstroLog,
} from '../src/lib/content/build-errors-fs.ts';
import { readContentFilesTolerant } from '../src/lib/content/content-files-fs.ts';
import { contentGuardProblems } from '../src/lib/content/content-guard-fs.ts';
import { fixNfc } from '../src/lib/content/nfc-fs.ts';
import { contentDir } from '../src/lib/content/paths.ts';
import { readSourceTexts } from '../src/lib/content/source-texts-fs.ts';
import { TaxonomyError } from '../src/lib/content/taxonomy.ts';
import { readTaxonomies } from '../src/lib/content/taxonomy-fs.ts';

const projectRoot = process.cwd();
const root = contentDir();
const verbose = process.argv.includes('--verbose');
const fixNfcFirst = process.argv.includes('--fix-nfc');
const astroBin = path.join(
  path.dirname(createRequire(path.join(projectRoot, 'package.json')).resolve('astro/package.json')),
  'bin',
  'astro.mjs',
);

/** The content checks; a data file that cannot be read is one error, naming the file. */
function contentProblems(): { problems: Problem[]; drafts: { file: string; line: number }[] } {
  const { files, unreadable } = readContentFilesTolerant(root);
  const problems: Problem[] = unreadable.map((e) => ({
    severity: 'error',
    file: e.file,
    line: e.line,
    message: e.message.slice(`${e.file}:${e.line}: `.length),
  }));
  try {
    problems.push(
      ...runChecks({ files, taxonomies: readTaxonomies(root), root, projectRoot }, [
        ...DEFAULT_CHECKS,
        checkSourceEcho(readSourceTexts(root)),
      ]),
    );
  } catch (err) {
    if (!(err instanceof TaxonomyError)) throw err;
    problems.push({ severity: 'error', file: path.join(root, 'data'), line: 1, message: err.message });
  }
  return { problems, drafts: draftsOf(files) };
}

async function main(): Promise<number> {
  if (fixNfcFirst) {
    const fixed = fixNfc(root);
    for (const file of fixed) console.log(`Đã chuyển sang NFC: ${displayPath(file)}`);
    if (fixed.length === 0) console.log('Mọi tệp nội dung đã ở dạng NFC.');
  }
  // First what also stops the build before it reads anything: links, special files, impossible
  // dates, YAML aliases. The checks below read the pages, so they wait until these are fixed.
  const guard = contentGuardProblems({ contentDir: root, publicDir: path.resolve(projectRoot, 'public') });
  if (guard.length > 0) {
    for (const p of guard) console.log(`LỖI   ${displayPath(p.file)}:${p.line}  ${p.message}`);
    console.log(`Kiểm tra nội dung: ${guard.length} lỗi phải sửa trước khi đọc các trang.`);
    return 1;
  }
  const astro = runAstro({
    astroBin,
    args: verbose ? ['check', '--verbose'] : ['check'],
    env: { ASTRO_TELEMETRY_DISABLED: '1', ...process.env },
    mode: 'capture',
  });
  const { problems, drafts } = contentProblems();
  const run = await astro;
  writeAstroLog(projectRoot, run.output);

  // Astro's failure, explained; a page whose YAML the content checks already reported is not told twice.
  const reported = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.file));
  const told = run.status === 0 ? [] : explainAstroOutput(run.output, root);
  const explained: Problem[] = told
    .filter((e) => e.file === undefined || !reported.has(e.file))
    .map((e) => ({ severity: 'error', file: e.file ?? '', line: e.line ?? 1, message: e.sentence }));
  if (run.status !== 0 && told.length === 0) {
    // Not a page's fault Astro names (a type error in the code, say): its report below says what.
    explained.push({
      severity: 'error',
      file: '',
      line: 1,
      message: 'astro check báo lỗi; xem thông báo của Astro bên dưới.',
    });
  }
  const all = [...explained, ...problems];
  const errors = all.filter((p) => p.severity === 'error');
  const warnings = all.filter((p) => p.severity === 'warning');
  const byPlace = (a: Problem, b: Problem) => a.file.localeCompare(b.file) || a.line - b.line;
  const where = (p: { file: string; line: number }) =>
    p.file === '' ? '' : `${displayPath(p.file)}:${p.line}  `;

  for (const p of [...errors.sort(byPlace), ...warnings.sort(byPlace)]) {
    console.log(`${p.severity === 'error' ? 'LỖI ' : 'CHÚ Ý'}  ${where(p)}${p.message}`);
  }
  for (const d of drafts) console.log(`Bản nháp: ${displayPath(d.file)}:${d.line}`);
  if (verbose) console.log(run.output);
  else if (run.status === 0 && /^- [1-9]\d* (?:warnings?|hints?)$/m.test(run.output)) {
    console.log(`astro check có cảnh báo về mã nguồn: xem ${ASTRO_LOG} (hoặc chạy lại với --verbose).`);
  } else if (run.status !== 0) {
    console.log(`\nastro check báo lỗi (toàn bộ ở ${ASTRO_LOG}, hoặc chạy lại với --verbose):`);
    console.log(withoutNoise(heldOutput(run.output)));
  }
  const draftNote = drafts.length > 0 ? `, ${drafts.length} bản nháp (không được xuất bản)` : '';
  console.log(`Kiểm tra nội dung: ${errors.length} lỗi, ${warnings.length} chú ý${draftNote}.`);
  return errors.length > 0 || run.status !== 0 ? 1 : 0;
}

process.exitCode = await main();
