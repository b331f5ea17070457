/**
 * `npm run import` as an editor runs it (node scripts/import.ts, in a copy of the site's content):
 * each real sample becomes the right draft, a Word file and a saved web page are read, `--dry-run`
 * writes nothing, an existing page is never overwritten, bad input gets a Vietnamese message naming
 * the file; then the drafts, `draft` turned off, build with the real Astro configuration and
 * `npm run check` warns about the pages that still repeat their source.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, childEnv } from '../helpers/build.ts';

const FIXTURES = path.resolve('tests/fixtures/importer');
const TMP = path.resolve('tests/.tmp/importer');

/** A copy of the site's data and documents, without its news pages: the registry codes resolve against. */
function siteCopy(name: string, withoutDocuments: string[] = []): string {
  const dir = path.join(TMP, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'tin'), { recursive: true });
  fs.cpSync(path.resolve('content/data'), path.join(dir, 'data'), { recursive: true });
  fs.cpSync(path.resolve('content/van-ban'), path.join(dir, 'van-ban'), { recursive: true });
  for (const id of withoutDocuments) fs.rmSync(path.join(dir, 'van-ban', `${id}.mdx`));
  return dir;
}

/** Runs the command; returns its exit code and output. */
function runImport(content: string, args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['scripts/import.ts', ...args], {
    env: childEnv({ SO_TAY_CONTENT_DIR: content }),
    encoding: 'utf8',
    ...(input === undefined ? {} : { input }),
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function importJson(content: string, file: string, extra: string[] = []) {
  const r = runImport(content, [file, '--json', ...extra]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown> & { path: string };
}

/** All files under a folder, relative, sorted. */
function listing(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .sort();
}

let news: string;
let docs: string;

beforeAll(() => {
  news = siteCopy('news');
  docs = siteCopy('docs', ['21-nq-tw-2022']);
});

describe('news articles', () => {
  it('imports the TTXVN article: date from "Ngày 22/6" and the year the article names, outlet from the lead', () => {
    const json = importJson(news, path.join(FIXTURES, 'ttxvn-can-tho-giao-ban-2023.txt'));
    expect(json).toEqual({
      kind: 'tin',
      title: 'Thực hiện hiệu quả các nghị quyết, kết luận về công tác tổ chức xây dựng Đảng',
      publishedDate: null,
      eventDate: '2023-06-22',
      outlet: 'TTXVN',
      author: 'Ngọc Thiện',
      locality: 'can-tho',
      eventKind: 'giao-ban',
      topics: [
        'cong-tac-to-chuc',
        'cong-tac-can-bo',
        'to-chuc-bo-may',
        'xay-dung-chinh-don-dang',
        'to-chuc-co-so-dang',
      ],
      codes: [
        { code: '18-NQ/TW', document: '18-nq-tw-2017' },
        { code: '19-NQ/TW', document: '19-nq-tw-2022' },
        { code: '14-KL/TW', document: '14-kl-tw-2021' },
      ],
      path: expect.stringMatching(
        /tin\/2023-06-22-thuc-hien-hieu-qua-cac-nghi-quyet-ket-luan-ve-cong-tac-to\.mdx$/,
      ),
    });
    const page = fs.readFileSync(path.join(news, 'tin', path.basename(json.path)), 'utf8');
    expect(page).toMatch(/^---\n# Bản nháp[^\n]*\ndraft: true\n/);
    // The page around the article is gone: category, captions, byline, trailers, the outlet prefix.
    for (const leftover of [
      'Xây dựng Đảng\n',
      '(Ảnh:',
      'Quang cảnh hội nghị',
      'Tin liên quan',
      'Xem thêm',
      'TTXVN - Ngày',
    ])
      expect(page).not.toContain(leftover);
    expect(page).toContain('\nNgày 22/6, Hội nghị giao ban');
    expect(page).toContain('## Chia sẻ những kinh nghiệm, mô hình hay');
    // 19-NQ/TW is shared by two documents: the editor is told which was chosen and how to change it.
    expect(page).toContain('19-NQ/TW: trang web có 2 văn bản cùng số hiệu');
  });

  it('imports the Báo Quảng Ngãi article: date line, "Sáng 6/1", byline in capitals, province from the paper', () => {
    const json = importJson(news, path.join(FIXTURES, 'baoquangngai-trien-khai-2023.txt'));
    expect(json).toMatchObject({
      kind: 'tin',
      title: 'Triển khai nhiệm vụ công tác tổ chức xây dựng Đảng năm 2023',
      publishedDate: '2023-01-06',
      eventDate: '2023-01-06',
      outlet: 'Báo Quảng Ngãi',
      author: 'Ái Kiều',
      locality: 'quang-ngai',
      eventKind: 'tong-ket',
      codes: [
        { code: '21-KL/TW', document: '21-kl-tw-2021' },
        { code: '21-NQ/TW', document: '21-nq-tw-2022' },
        { code: '28-NQ/TW', document: '28-nq-tw-2022' },
      ],
    });
    const page = fs.readFileSync(path.join(news, 'tin', path.basename(json.path)), 'utf8');
    expect(page).not.toContain('[links()]');
    expect(page).not.toContain('Các đồng chí chủ trì hội nghị.');
    expect(page).not.toContain('Tin, ảnh');
  });

  it('imports the portal article: no outlet and no province named, so none is guessed', () => {
    const json = importJson(news, path.join(FIXTURES, 'dang-uy-khoi-tong-ket-2019.txt'));
    expect(json).toMatchObject({
      kind: 'tin',
      publishedDate: '2019-07-04',
      eventDate: '2019-07-03',
      outlet: null,
      author: 'Đức Thuận, Ban Tuyên giáo',
      locality: null,
      eventKind: 'tong-ket',
      codes: [{ code: '865-QĐ/TU', document: '865-qd-tu-2019' }],
    });
    const page = fs.readFileSync(path.join(news, 'tin', path.basename(json.path)), 'utf8');
    expect(page).toContain('CHƯA RÕ: bài không ghi tên báo, đài');
    expect(page).toContain('# Địa phương: bài không nêu tên tỉnh');
    expect(page).not.toMatch(/^locality:/m);
    for (const leftover of ['Tổng số điểm', 'Click để đánh giá', 'Những tin', 'Đại biểu dự Hội nghị\n'])
      expect(page).not.toContain(leftover);
  });

  it('keeps the source text beside the draft, outside the collections', () => {
    const kept = listing(path.join(news, 'nguon'));
    expect(kept).toHaveLength(3);
    for (const f of kept) expect(f).toMatch(/^tin\/\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.txt$/);
    const ttxvn = kept.find((f) => f.startsWith('tin/2023-06-22')) as string;
    expect(fs.readFileSync(path.join(news, 'nguon', ttxvn), 'utf8')).toContain('Tin liên quan');
  });

  it('reads standard input with "-", and --dry-run writes nothing', () => {
    const before = listing(news);
    const text =
      'Hội nghị thử nghiệm của tỉnh\nThứ Bảy, ngày 10 tháng 6 năm 2031\n(TTXVN) - Sáng 9/6, hội nghị diễn ra tại Cần Thơ.';
    const r = runImport(news, ['-', '--dry-run'], text);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Chạy thử, không ghi tệp nào');
    expect(r.stdout).toContain('eventDate: 2031-06-09');
    expect(listing(news)).toEqual(before);
  });

  it('never overwrites: a second import of the same article stops with a message', () => {
    const file = path.join(FIXTURES, 'ttxvn-can-tho-giao-ban-2023.txt');
    const target = listing(path.join(news, 'tin')).find((f) => f.startsWith('2023-06-22')) as string;
    fs.appendFileSync(path.join(news, 'tin', target), '\nSửa của biên tập viên.\n');
    const r = runImport(news, [file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Đã có tệp');
    expect(r.stderr).toContain('không ghi đè');
    expect(fs.readFileSync(path.join(news, 'tin', target), 'utf8')).toContain('Sửa của biên tập viên.');
  });

  it('reads a saved web page: the article without the page around it, and what the meta tags say', () => {
    const html = `<!doctype html><html lang="vi"><head><title>Hội nghị thử nghiệm - Báo Thử</title>
      <meta property="og:site_name" content="Báo Thử"><meta property="article:published_time" content="2031-05-02T08:00:00+07:00">
      <link rel="canonical" href="https://baothu.vn/hoi-nghi-thu-nghiem.html"></head><body>
      <nav><a href="/">Trang chủ</a> <a href="/thoi-su">Thời sự</a> <a href="/xay-dung-dang">Menu xây dựng Đảng</a></nav>
      <article><h1>Hội nghị thử nghiệm tổng kết công tác xây dựng Đảng</h1>
      <p>Sáng 30/4, Tỉnh ủy Quảng Ngãi tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2030 và triển khai nhiệm vụ năm 2031, theo Nghị quyết số 28-NQ/TW.</p>
      <p>Hội nghị đánh giá kết quả công tác tổ chức, công tác cán bộ và công tác đảng viên trong năm qua; nhiều đại biểu phát biểu ý kiến { và } &lt;thử&gt;.</p>
      <figure><img src="anh.jpg" alt="Quang cảnh"><figcaption>Quang cảnh hội nghị. (Ảnh: Văn Thử)</figcaption></figure>
      <p>Các cấp ủy tiếp tục nâng cao chất lượng tổ chức cơ sở đảng và đội ngũ đảng viên trong năm 2031.</p></article>
      <footer>Bản quyền thuộc Báo Thử. Liên hệ quảng cáo.</footer></body></html>`;
    const file = path.join(TMP, 'bai-thu.html');
    fs.writeFileSync(file, html);
    const json = importJson(news, file);
    expect(json).toMatchObject({
      kind: 'tin',
      title: 'Hội nghị thử nghiệm tổng kết công tác xây dựng Đảng',
      publishedDate: '2031-05-02',
      eventDate: '2031-04-30',
      outlet: 'Báo Thử',
      locality: 'quang-ngai',
      eventKind: 'tong-ket',
      codes: [{ code: '28-NQ/TW', document: '28-nq-tw-2022' }],
    });
    const page = fs.readFileSync(path.join(news, 'tin', path.basename(json.path)), 'utf8');
    expect(page).toContain('url: https://baothu.vn/hoi-nghi-thu-nghiem.html');
    expect(page).toContain('\\{ và } \\<thử>');
    for (const leftover of ['Trang chủ', 'Menu xây dựng', 'Bản quyền', 'anh.jpg'])
      expect(page).not.toContain(leftover);
  });
});

describe('documents', () => {
  it('imports the text of Nghị quyết 21-NQ/TW: header, title, issuer from the signature, structure kept', () => {
    const json = importJson(docs, path.join(FIXTURES, 'van-ban-21-nq-tw-2022.txt'));
    expect(json).toEqual({
      kind: 'van-ban',
      code: '21-NQ/TW',
      type: 'nghi-quyet',
      date: '2022-06-16',
      issuer: 'ban-chap-hanh-trung-uong',
      title:
        'Về tăng cường củng cố, xây dựng tổ chức cơ sở đảng và nâng cao chất lượng đội ngũ đảng viên trong giai đoạn mới',
      signer: { name: 'Nguyễn Phú Trọng', role: 'Tổng Bí thư' },
      codes: [],
      path: expect.stringMatching(/van-ban\/21-nq-tw-2022\.mdx$/),
    });
    const page = fs.readFileSync(path.join(docs, 'van-ban', '21-nq-tw-2022.mdx'), 'utf8');
    expect(page).toContain('term: XIII');
    expect(page).toContain('\n## I. TÌNH HÌNH VÀ NGUYÊN NHÂN\n');
    expect(page).toContain('\n### 1. Kết quả đạt được\n');
    expect(page).toMatch(/\n\| Chỉ tiêu +\| Đến năm 2025 +\| Đến năm 2030 +\|\n/);
    const body = page.slice(page.indexOf('*/}'));
    for (const header of ['ĐẢNG CỘNG SẢN VIỆT NAM', 'Số 21-NQ/TW', 'Nơi nhận', 'T/M', 'Nguyễn Phú Trọng'])
      expect(body).not.toContain(header);
    expect(fs.existsSync(path.join(docs, 'nguon', 'van-ban', '21-nq-tw-2022.txt'))).toBe(true);
  });

  it('imports a Word file: the header and signature tables read as columns, lists and tables kept', async () => {
    const cell = (...lines: string[]) =>
      new TableCell({
        width: { size: 50, type: WidthType.PERCENTAGE },
        children: lines.map((l) => new Paragraph(l)),
      });
    const doc = new Document({
      sections: [
        {
          children: [
            new Table({
              rows: [
                new TableRow({
                  children: [
                    cell('BAN CHẤP HÀNH TRUNG ƯƠNG', '*', 'Số 9035-CT/TW'),
                    cell('ĐẢNG CỘNG SẢN VIỆT NAM', 'Hà Nội, ngày 2 tháng 4 năm 2031'),
                  ],
                }),
              ],
            }),
            new Paragraph({ text: 'CHỈ THỊ', alignment: AlignmentType.CENTER }),
            new Paragraph({ text: 'CỦA BAN BÍ THƯ', alignment: AlignmentType.CENTER }),
            new Paragraph({
              text: 'về một việc thử nghiệm trong công tác đảng viên',
              alignment: AlignmentType.CENTER,
            }),
            new Paragraph(''),
            new Paragraph('Ban Bí thư yêu cầu các cấp ủy thực hiện tốt các việc sau:'),
            new Paragraph('1. Kiện toàn tổ chức cơ sở đảng'),
            new Paragraph({ text: 'rà soát chi bộ { và } <mẫu>;', bullet: { level: 0 } }),
            new Paragraph({ text: 'import thử một dòng;', bullet: { level: 0 } }),
            new Table({
              rows: [
                new TableRow({ children: [cell('Chỉ tiêu'), cell('Năm 2031')] }),
                new TableRow({ children: [cell('Kết nạp đảng viên'), cell('3%')] }),
              ],
            }),
            new Table({
              rows: [
                new TableRow({
                  children: [
                    cell('Nơi nhận:', '- Các tỉnh ủy,', '- Lưu Văn phòng.'),
                    cell('T/M BAN BÍ THƯ', 'THƯỜNG TRỰC', '(Đã ký)', 'Nguyễn Văn Mẫu'),
                  ],
                }),
              ],
            }),
          ],
        },
      ],
    });
    const file = path.join(TMP, 'chi-thi-thu.docx');
    fs.writeFileSync(file, await Packer.toBuffer(doc));
    const json = importJson(docs, file);
    expect(json).toMatchObject({
      kind: 'van-ban',
      code: '9035-CT/TW',
      type: 'chi-thi',
      date: '2031-04-02',
      issuer: 'ban-bi-thu',
      title: 'Về một việc thử nghiệm trong công tác đảng viên',
      signer: { name: 'Nguyễn Văn Mẫu', role: 'Thường trực' },
      path: expect.stringMatching(/van-ban\/9035-ct-tw-2031\.mdx$/),
    });
    const page = fs.readFileSync(path.join(docs, 'van-ban', '9035-ct-tw-2031.mdx'), 'utf8');
    expect(page).toContain('\n### 1. Kiện toàn tổ chức cơ sở đảng\n');
    expect(page).toContain('- rà soát chi bộ \\{ và } \\<mẫu>;');
    expect(page).toContain('- &#x69;mport thử một dòng;');
    expect(page).toMatch(/\n\| Chỉ tiêu +\| Năm 2031 \|\n/);
    expect(page.slice(page.indexOf('*/}'))).not.toContain('Nơi nhận');
  });

  it('tells an article from a document by itself, and --as overrides', () => {
    const asNews = importJson(docs, path.join(FIXTURES, 'van-ban-21-nq-tw-2022.txt'), [
      '--as',
      'tin',
      '--dry-run',
    ]);
    expect(asNews.kind).toBe('tin');
    const r = runImport(docs, [
      path.join(FIXTURES, 'ttxvn-can-tho-giao-ban-2023.txt'),
      '--as',
      'van-ban',
      '--dry-run',
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('không có phần đầu của một văn bản');
    expect(r.stderr).toContain('--as tin');
  });
});

describe('bad input', () => {
  it('explains in Vietnamese, naming the file and what to do, without a stack trace', () => {
    const empty = path.join(TMP, 'trong.txt');
    fs.writeFileSync(empty, '\uFEFF \r\n\t\r\n');
    const pdf = path.join(TMP, 'van-ban.pdf');
    fs.writeFileSync(pdf, '%PDF-1.4');
    const doc = path.join(TMP, 'cu.doc');
    fs.writeFileSync(doc, 'x');
    const latin1 = path.join(TMP, 'latin1.txt');
    fs.writeFileSync(latin1, Buffer.from([0x48, 0xe0, 0x20, 0x4e, 0xf4, 0xe9, 0xff]));
    const cases: Array<[string, string]> = [
      [path.join(TMP, 'khong-co.txt'), 'Không tìm thấy tệp'],
      [empty, 'không có chữ nào'],
      [pdf, 'chép chữ vào một tệp .txt'],
      [doc, 'Lưu thành" .docx'],
      [latin1, 'UTF-8'],
      [TMP, 'là một thư mục'],
    ];
    for (const [file, says] of cases) {
      const r = runImport(docs, [file]);
      expect(r.status, file).toBe(1);
      expect(r.stderr).toContain(says);
      expect(r.stderr).toContain(file);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    const usage = runImport(docs, []);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('Cách dùng: npm run import');
  });
});

describe('drafts on the site', () => {
  it('build with the real schema once published, and npm run check warns about copied text', async () => {
    const site = siteCopy('site', ['21-nq-tw-2022']);
    // The drafts made above, and drafts of generated text full of MDX and YAML syntax.
    for (const from of [docs, news]) {
      for (const folder of ['tin', 'van-ban']) {
        for (const f of listing(path.join(from, folder))) {
          if (!fs.existsSync(path.join(site, folder, f)))
            fs.copyFileSync(path.join(from, folder, f), path.join(site, folder, f));
        }
        const kept = path.join(from, 'nguon', folder);
        if (fs.existsSync(kept)) fs.cpSync(kept, path.join(site, 'nguon', folder), { recursive: true });
      }
    }
    const hostile = fc.constantFrom(
      '{',
      '}',
      '<b>',
      '</div>',
      '---',
      'import x from "y"',
      'export const a = 1',
      '`',
      '```',
      '\r\n',
      '\uFEFF',
      'Nghi\u0323 quyê\u0301t',
      '\u0007',
      '# ',
      '| a |',
      ': ',
      '"',
      '*/',
      'Sáng 6/1 ',
    );
    const texts = fc.sample(
      fc
        .array(fc.oneof(hostile, fc.constantFrom('hội nghị ', 'Đảng ', 'năm 2031 ', 'Cần Thơ ')), {
          minLength: 3,
          maxLength: 40,
        })
        .map((p) => `Bài thử ${p.join('')}\n${p.reverse().join('')}`),
      { numRuns: 12, seed: 11 },
    );
    texts.forEach((text, i) => {
      const r = runImport(site, ['-'], `Bài thử số ${i} về hội nghị của tỉnh\n${text}`);
      expect(r.status, r.stderr).toBe(0);
    });
    const pages = ['tin', 'van-ban'].flatMap((folder) =>
      listing(path.join(site, folder)).map((f) => `${folder}/${f}`),
    );
    const drafts = pages.filter((p) =>
      fs.readFileSync(path.join(site, p), 'utf8').includes('\ndraft: true\n'),
    );
    expect(drafts).toHaveLength(3 + 1 + 12 + 2);
    for (const p of drafts) {
      const file = path.join(site, p);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('\ndraft: true\n', '\ndraft: false\n'));
    }

    const out = path.join(TMP, 'dist');
    await buildSite({ contentDir: site, outDir: out });
    for (const p of drafts) {
      const route = p.replace(/\.mdx$/, '');
      expect(fs.existsSync(path.join(out, route, 'index.html')), route).toBe(true);
    }

    const check = spawnSync(process.execPath, ['scripts/check-content.ts'], {
      env: childEnv({ SO_TAY_CONTENT_DIR: site }),
      encoding: 'utf8',
    });
    expect(check.status, check.stdout).toBe(0);
    const echoed = check.stdout.split('\n').filter((l) => l.includes('chữ liền nhau của bài gốc'));
    for (const sample of ['2023-06-22-thuc-hien', '2023-01-06-trien-khai', '2019-07-03-tap-trung'])
      expect(echoed.some((l) => l.includes(sample))).toBe(true);
    // The site's own pages, written as summaries, are not flagged.
    expect(echoed.some((l) => l.includes('van-ban/'))).toBe(false);
  });
});
