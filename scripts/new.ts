/**
 * `npm run new`: asks a few questions in Vietnamese and writes a new draft page (`draft: true`) to
 * start writing from, for editors who write a page from scratch. Reads SO_TAY_CONTENT_DIR like the
 * build.
 *
 *     npm run new                               # the questions, in the terminal
 *     npm run new -- --answers trang-moi.json   # the same answers from a JSON file, no questions
 *
 * The JSON file holds the answers by field name, as the page's frontmatter names them:
 *
 *     { "kind": "van-ban", "type": "nghi-quyet", "code": "21-NQ/TW", "date": "16/06/2022",
 *       "issuer": "ban-chap-hanh-trung-uong", "title": "Về …", "topics": ["dang-vien"] }
 *     { "kind": "tin", "title": "Hội nghị …", "eventDate": "06/01/2023", "eventKind": "tong-ket",
 *       "locality": "quang-ngai", "topics": [] }
 *
 * Dates may be written dd/mm/yyyy, mm/yyyy, yyyy or the ISO forms; `title` (văn bản), `eventKind`
 * (default `khac`), `locality` and `topics` may be left out. A wrong answer is one Vietnamese line
 * naming the field, and exit status 1. The checks and the file name are src/lib/importer/scaffold.ts;
 * the page is written whole and never over an existing file (scaffold-fs.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  autocomplete,
  autocompleteMultiselect,
  cancel,
  intro,
  isCancel,
  log,
  outro,
  select,
  text,
} from '@clack/prompts';
import { displayPath } from '../src/lib/content/build-errors-fs.ts';
import { DOCUMENT_TYPE_SLUGS, DOCUMENT_TYPES, EVENT_KINDS } from '../src/lib/content/document-types.ts';
import { contentDir } from '../src/lib/content/paths.ts';
import type { Taxonomies, TaxonomyEntry } from '../src/lib/content/taxonomy.ts';
import { readTaxonomies } from '../src/lib/content/taxonomy-fs.ts';
import { foldVietnamese } from '../src/lib/content/text.ts';
import {
  checkAnswers,
  checkCode,
  checkDate,
  ScaffoldError,
  scaffoldPage,
} from '../src/lib/importer/scaffold.ts';
import { NewPageError, writeNewPage } from '../src/lib/importer/scaffold-fs.ts';

const HELP = `npm run new [-- --answers <tệp.json>]

Hỏi vài câu rồi tạo một trang nháp (draft: true) trong ${path.relative(process.cwd(), contentDir()) || 'content'}/.
  --answers <tệp.json>  lấy câu trả lời từ tệp JSON thay vì hỏi (xem đầu tệp scripts/new.ts)
  --help                in hướng dẫn này`;

/** Ends the program when the editor presses Ctrl+C or Esc. */
function answered<T>(value: T): Exclude<T, symbol> {
  if (isCancel(value)) {
    cancel('Đã hủy, không tạo tệp nào.');
    process.exit(1);
  }
  return value as Exclude<T, symbol>;
}

/** Type-to-filter that ignores marks and case: "quang ngai" finds "Quảng Ngãi". */
const looseFilter = (search: string, option: { label?: string; value: unknown; hint?: string }) => {
  const needle = foldVietnamese(search.trim());
  return (
    needle === '' ||
    foldVietnamese(`${option.label ?? ''} ${String(option.value)} ${option.hint ?? ''}`).includes(needle)
  );
};

/** A validator for a prompt from a checker that throws ScaffoldError. */
function validator(check: (v: string) => unknown) {
  return (value: string | undefined) => {
    try {
      check(value ?? '');
      return undefined;
    } catch (err) {
      if (err instanceof ScaffoldError) return err.message;
      throw err;
    }
  };
}

const termOptions = (entries: readonly TaxonomyEntry[], hint?: (e: TaxonomyEntry) => string | undefined) =>
  entries.map((e) => {
    const h = hint?.(e);
    return h === undefined ? { value: e.id, label: e.label } : { value: e.id, label: e.label, hint: h };
  });

/** An earlier province is offered too, marked with the unit it now belongs to. */
function localityHint(taxonomies: Taxonomies) {
  return (e: TaxonomyEntry) => {
    if (e.status !== 'truoc-sap-xep') return undefined;
    const now = taxonomies.localities.find((l) => l.id === e.mergedInto);
    return now === undefined ? 'tên trước sắp xếp' : `trước sắp xếp, nay thuộc ${now.label}`;
  };
}

/** The questions. Returns the raw answers, checked again by checkAnswers like a JSON file's. */
async function ask(taxonomies: Taxonomies): Promise<Record<string, unknown>> {
  intro('Tạo trang nháp mới');
  const kind = answered(
    await select({
      message: 'Loại trang?',
      options: [
        { value: 'van-ban', label: 'Văn bản', hint: 'nghị quyết, kết luận, chỉ thị, quy định…' },
        { value: 'tin', label: 'Tin hội nghị' },
      ],
    }),
  );
  const topicsQuestion = async () =>
    answered(
      await autocompleteMultiselect({
        message: 'Chủ đề? (gõ để lọc, Tab để chọn hoặc bỏ chọn, Enter để xong; có thể bỏ trống)',
        options: termOptions(taxonomies.topics),
        filter: looseFilter,
        required: false,
      }),
    );
  if (kind === 'van-ban') {
    const type = answered(
      await select({
        message: 'Loại văn bản?',
        options: DOCUMENT_TYPE_SLUGS.map((t) => ({ value: t, label: DOCUMENT_TYPES[t].label })),
      }),
    );
    const code = answered(
      await text({
        message: 'Số hiệu?',
        placeholder: `ví dụ 21-${DOCUMENT_TYPES[type].abbr}/TW`,
        validate: validator((v) => checkCode(v, type)),
      }),
    );
    const date = answered(
      await text({
        message: 'Ngày ban hành?',
        placeholder: 'ngày/tháng/năm, ví dụ 16/06/2022 (hoặc chỉ tháng/năm, năm)',
        validate: validator((v) => checkDate('date', v)),
      }),
    );
    const issuer = answered(
      await autocomplete({
        message: 'Cơ quan ban hành? (gõ để lọc)',
        options: termOptions(taxonomies.issuers),
        filter: looseFilter,
      }),
    );
    const title = answered(
      await text({ message: 'Trích yếu? (có thể để trống, điền sau)', defaultValue: '' }),
    );
    return { kind, type, code, date, issuer, title, topics: await topicsQuestion() };
  }
  const title = answered(
    await text({
      message: 'Tiêu đề tin?',
      validate: (v) => ((v ?? '').trim() === '' ? 'Cần một tiêu đề: tên tệp được đặt theo nó.' : undefined),
    }),
  );
  const eventDate = answered(
    await text({
      message: 'Ngày diễn ra?',
      placeholder: 'ngày/tháng/năm, ví dụ 06/01/2023',
      validate: validator((v) => checkDate('eventDate', v)),
    }),
  );
  const eventKind = answered(
    await select({
      message: 'Loại sự kiện?',
      options: Object.entries(EVENT_KINDS).map(([value, label]) => ({ value, label })),
    }),
  );
  const NONE = '';
  const locality = answered(
    await autocomplete({
      message: 'Địa phương? (gõ để lọc)',
      options: [
        { value: NONE, label: 'Không có', hint: 'toàn quốc, hoặc nguồn không nêu' },
        ...termOptions(taxonomies.localities, localityHint(taxonomies)),
      ],
      filter: looseFilter,
    }),
  );
  return { kind, title, eventDate, eventKind, locality, topics: await topicsQuestion() };
}

/** Reads the answers of `--answers <file>`; a file that is not JSON is one Vietnamese line. */
function readAnswersFile(file: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ScaffoldError('--answers', `Không đọc được ${file}: ${(err as Error).message}`, { cause: err });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ScaffoldError('--answers', `${file} phải là một đối tượng JSON { "kind": … }.`);
  }
  return data as Record<string, unknown>;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { answers: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const root = contentDir();
  const taxonomies = readTaxonomies(root);
  const interactive = values.answers === undefined;
  try {
    const raw = interactive ? await ask(taxonomies) : readAnswersFile(values.answers as string);
    const page = scaffoldPage(checkAnswers(raw, taxonomies), taxonomies);
    const file = writeNewPage(root, page);
    const url = `/${page.path.replace(/\.mdx$/, '/')}`;
    const next = `Mở tệp, điền các chỗ [cần điền], xem trang bằng npm run dev (đường dẫn ${url}), rồi xóa dòng draft: true để xuất bản.`;
    if (interactive) outro(`Đã tạo bản nháp ${displayPath(file)}\n${next}`);
    else console.log(`Đã tạo bản nháp ${displayPath(file)}\n${next}`);
    return 0;
  } catch (err) {
    if (!(err instanceof ScaffoldError || err instanceof NewPageError)) throw err;
    const message =
      err instanceof ScaffoldError && err.field !== '--answers'
        ? `${err.field}: ${err.message}`
        : err.message;
    if (interactive) log.error(message);
    else console.error(`LỖI  ${message}`);
    return 1;
  }
}

process.exitCode = await main();
