/**
 * `npm run new` end to end: its questions answered in a real terminal (a pseudo-terminal), and its
 * `--answers` mode; the drafts it writes are named by the project's rules, never overwrite a page,
 * and pass `npm run check` (the schema included) as drafts.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseContentText } from '../../src/lib/content/content-files.ts';
import { childEnv } from '../helpers/build.ts';
import { KEY, startInTerminal } from '../helpers/pty.ts';

const CONTENT = path.resolve('tests/.tmp/new-page');
const env = () => childEnv({ SO_TAY_CONTENT_DIR: CONTENT });
const NEWS = path.join(CONTENT, 'tin/2023-01-06-hoi-nghi-giao-ban-thu-nghiem-2023.mdx');
const DOCUMENT = path.join(CONTENT, 'van-ban/9097-qdi-tw-2024.mdx');

function runNew(args: string[]) {
  return spawnSync(process.execPath, ['scripts/new.ts', ...args], { env: env(), encoding: 'utf8' });
}
function answersFile(name: string, answers: Record<string, unknown>): string {
  const file = path.join(path.dirname(CONTENT), `${name}.json`);
  fs.writeFileSync(file, JSON.stringify(answers));
  return file;
}
const frontmatterOf = (file: string) => parseContentText(file, fs.readFileSync(file, 'utf8')).data;

beforeAll(() => {
  // The fictional fixture site: its lists of issuers, topics and localities, and its pages.
  fs.rmSync(CONTENT, { recursive: true, force: true });
  fs.cpSync(path.resolve('tests/fixtures/site'), CONTENT, { recursive: true });
});

describe('npm run new', () => {
  it('asks in Vietnamese, offers the known localities and topics to filter, and writes a news draft', async () => {
    const term = startInTerminal(`${process.execPath} scripts/new.ts`, env());
    await term.answer(/Loại trang\?/, KEY.down + KEY.enter);
    await term.answer(/Tiêu đề tin\?/, `Hội nghị giao ban thử nghiệm 2023${KEY.enter}`);
    // A wrong date is refused on the spot, in Vietnamese; the editor corrects it.
    await term.answer(/Ngày diễn ra\?/, `32/13/2023${KEY.enter}`);
    await term.answer(/không phải là ngày/, `${KEY.backspace.repeat(10)}6/1/2023${KEY.enter}`);
    await term.answer(
      /Loại sự kiện\?[\s\S]*Hội nghị tổng kết[\s\S]*Hội nghị giao ban/,
      KEY.down + KEY.down + KEY.enter,
    );
    // Typing without marks finds "Tỉnh Cũ Thử Nghiệm", an earlier province, shown with its current one.
    await term.answer(/Địa phương\?[\s\S]*Tỉnh Thử Nghiệm/, 'cu thu');
    await term.answer(/nay thuộc Tỉnh Thử Nghiệm/, KEY.enter);
    await term.answer(/Chủ đề\?[\s\S]*Đảng viên mẫu/, 'mau');
    await term.answer(/\(1 match\)/, KEY.tab + KEY.enter);
    const { status, screen } = await term.exit();

    expect(status, screen).toBe(0);
    expect(screen).toContain(`Đã tạo bản nháp ${path.relative(process.cwd(), NEWS)}`);
    expect(frontmatterOf(NEWS)).toMatchObject({
      title: 'Hội nghị giao ban thử nghiệm 2023',
      eventDate: '2023-01-06',
      eventKind: 'giao-ban',
      locality: 'tinh-cu-thu-nghiem',
      topics: ['dang-vien-mau'],
      draft: true,
    });
  });

  it('--answers writes a document draft named by its code and year, with the same checks', () => {
    const ok = runNew([
      '--answers',
      answersFile('document', {
        kind: 'van-ban',
        type: 'quy-dinh',
        code: 'số 9097-QĐi/TW',
        date: '2024',
        issuer: 'tinh-uy-thu-nghiem',
        topics: ['to-chuc-thu-nghiem'],
      }),
    ]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(frontmatterOf(DOCUMENT)).toMatchObject({
      code: '9097-QĐi/TW',
      type: 'quy-dinh',
      date: '2024',
      issuer: 'tinh-uy-thu-nghiem',
      locality: 'tinh-thu-nghiem',
      draft: true,
    });

    const wrong = runNew([
      '--answers',
      answersFile('wrong', {
        kind: 'van-ban',
        type: 'chi-thi',
        code: '9098-NQ/TW',
        date: '2024',
        issuer: 'ban-thu-nghiem',
      }),
    ]);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr.trim()).toBe(
      'LỖI  code: Số hiệu 9098-NQ/TW có ký hiệu NQ, không khớp loại "Chỉ thị": kiểm tra lại số hiệu hoặc loại văn bản.',
    );
  });

  it('never writes over an existing page', () => {
    const before = fs.readFileSync(DOCUMENT, 'utf8');
    fs.writeFileSync(DOCUMENT, `${before}\nĐoạn biên tập viên đã viết.\n`);
    const again = runNew([
      '--answers',
      answersFile('again', {
        kind: 'van-ban',
        type: 'quy-dinh',
        code: '9097-QĐi/TW',
        date: '2024-05',
        issuer: 'ban-thu-nghiem',
      }),
    ]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('Đã có tệp van-ban/9097-qdi-tw-2024.mdx');
    expect(fs.readFileSync(DOCUMENT, 'utf8')).toContain('Đoạn biên tập viên đã viết.');
    expect(fs.readdirSync(path.dirname(DOCUMENT)).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('the drafts it wrote pass npm run check (schema included) and are listed, with what is left to write', () => {
    const r = spawnSync(process.execPath, ['scripts/check-content.ts'], { env: env(), encoding: 'utf8' });
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).toContain(`Bản nháp: ${path.relative(process.cwd(), NEWS)}:`);
    expect(r.stdout).toContain(`Bản nháp: ${path.relative(process.cwd(), DOCUMENT)}:`);
    expect(r.stdout).toMatch(
      /CHÚ Ý {2}\S+9097-qdi-tw-2024\.mdx:\d+ {2}Trang còn \d+ chỗ \[cần điền\] chưa điền/,
    );
    expect(r.stdout).toMatch(/Kiểm tra nội dung: 0 lỗi, \d+ chú ý, 2 bản nháp/);
  });
});
