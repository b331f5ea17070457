/**
 * Screenshots of built pages as a reader sees them: each URL given, light and dark, 360 px and
 * 1280 px wide, full page. For looking at what we build before calling a page done.
 *
 *   node scripts/screenshots.ts --dist dist --out screenshots / van-ban/21-nq-tw-2022/ …
 *
 * `--first-screen` takes only the first 900 px of each page: a full 360 px page is too tall to read
 * once scaled down for viewing.
 *
 * Serves `--dist` on loopback under `--base` (default `/`) and drives Debian's Chromium.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser, serveStatic } from '../tests/helpers/browser.ts';

const USAGE = `Cách dùng: node_modules/.bin/node scripts/screenshots.ts [--dist dist] [--out screenshots]
  [--base /] [--first-screen] [trang …]   (ví dụ: / van-ban/21-nq-tw-2022/ tim-kiem/?q=dang)
Chụp mỗi trang ở chế độ sáng và tối, rộng 360 px và 1280 px, vào thư mục --out.`;

function readArgs() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        dist: { type: 'string', default: 'dist' },
        out: { type: 'string', default: 'screenshots' },
        base: { type: 'string', default: '/' },
        'first-screen': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

const { values, positionals } = readArgs();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!fs.existsSync(path.join(values.dist, 'index.html'))) {
  console.error(
    `Không thấy ${path.join(values.dist, 'index.html')}: chạy npm run build trước, hoặc chỉ --dist.`,
  );
  process.exit(1);
}

const server = await serveStatic(path.resolve(values.dist), values.base);
const browser = await launchBrowser();
fs.mkdirSync(values.out, { recursive: true });
try {
  for (const page of positionals.length ? positionals : ['/']) {
    for (const scheme of ['light', 'dark'] as const) {
      for (const width of [360, 1280]) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
        const tab = await context.newPage();
        const url = new URL(page.replace(/^\//, ''), server.url).href;
        await tab.goto(url, { waitUntil: 'networkidle' });
        const name = `${page.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}-${scheme}-${width}.png`;
        await tab.screenshot({ path: path.join(values.out, name), fullPage: !values['first-screen'] });
        await context.close();
        console.log(path.join(values.out, name));
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
