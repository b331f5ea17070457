/**
 * `npm run import -- <file> [--dry-run] [--json] [--as tin|van-ban]`: makes a draft page from a news
 * article or an official document. The work is src/lib/importer/import-page-fs.ts; this file reads
 * the arguments (node:util parseArgs) and prints the outcome, in Vietnamese, or as JSON.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir } from '../src/lib/content/paths.ts';
import { TaxonomyError } from '../src/lib/content/taxonomy.ts';
import { ImportError, type ImportKind } from '../src/lib/importer/import-page.ts';
import { importPage, jsonReport } from '../src/lib/importer/import-page-fs.ts';

const USAGE = `Cách dùng: npm run import -- <tệp> [--dry-run] [--json] [--as tin|van-ban]

  <tệp>        bài báo (.txt chép từ trang web, .html trang đã lưu) hoặc văn bản (.docx, .txt);
               "-" để đọc từ đầu vào chuẩn
  --dry-run    chỉ cho xem kết quả, không ghi tệp nào
  --json       in kết quả dưới dạng JSON
  --as tin     coi tệp là bài báo; --as van-ban: coi là văn bản (mặc định: lệnh tự nhận ra)`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (err) {
    console.error(`Lỗi: ${(err as Error).message.split('\n')[0]}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    console.error(`Lỗi: cần đúng một tệp để nhập.\n\n${USAGE}`);
    return 2;
  }
  if (values.as !== undefined && values.as !== 'tin' && values.as !== 'van-ban') {
    console.error(`Lỗi: --as nhận "tin" hoặc "van-ban", không nhận "${values.as}".\n\n${USAGE}`);
    return 2;
  }
  try {
    const result = await importPage({
      file: positionals[0] as string,
      contentRoot: contentDir(),
      dryRun: values['dry-run'] === true,
      ...(values.as === undefined ? {} : { as: values.as as ImportKind }),
      stdin: readStdin,
    });
    if (values.json) {
      console.log(JSON.stringify(jsonReport(result, process.cwd()), null, 2));
      return 0;
    }
    const where = path.relative(process.cwd(), result.pagePath);
    const kind = result.draft.folder === 'tin' ? 'tin' : 'văn bản';
    if (result.written) {
      console.log(`Đã tạo bản nháp trang ${kind}: ${where}`);
      console.log(`Bản gốc giữ ở: ${path.relative(process.cwd(), result.sourcePath)} (không xuất bản)`);
      console.log('Mở tệp, đọc phần ghi chú ở đầu, sửa cho đúng rồi chạy: npm run check');
    } else {
      console.log(`(Chạy thử, không ghi tệp nào.) Sẽ tạo: ${where}\n`);
      console.log(result.draft.page);
    }
    return 0;
  } catch (err) {
    if (err instanceof ImportError || err instanceof TaxonomyError) {
      console.error(`Lỗi: ${err.message}`);
      return 1;
    }
    throw err;
  }
}

function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      as: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

process.exitCode = await main();
