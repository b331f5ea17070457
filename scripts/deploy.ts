/**
 * `npm run deploy`: installs a release package on the server, atomically (src/lib/publishing/deploy-fs.ts).
 *
 *     npm run deploy -- --to /srv/so-tay release/so-tay-0.1.0-20310501.tar.gz
 *     npm run deploy -- --to /srv/so-tay --rollback     # back to the release built before the live one
 *     npm run deploy -- --to /srv/so-tay --list         # installed releases, the live one marked
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  DEPLOY_STEPS,
  type DeployStep,
  deploy,
  listReleases,
  readCurrent,
  readInstalledManifest,
  rollback,
} from '../src/lib/publishing/deploy-fs.ts';
import { formatError } from '../src/lib/publishing/fs-errors.ts';

const USAGE = `Cách dùng:
  npm run deploy -- --to <thư mục cài đặt> <gói.tar.gz>   cài gói và chuyển sang nó
  npm run deploy -- --to <thư mục cài đặt> --rollback     quay lại bản trước
  npm run deploy -- --to <thư mục cài đặt> --list         liệt kê các bản đã cài
Tùy chọn: --checksums <SHA256SUMS> (mặc định: cạnh gói), --keep <số bản giữ lại> (mặc định 5), --debug`;

const STEP_LABELS: Record<DeployStep, string> = {
  checksum: 'Kiểm tra mã SHA-256 của gói',
  unpack: 'Giải nén',
  verify: 'Kiểm tra từng tệp',
  install: 'Đưa vào releases/',
  switch: 'Chuyển liên kết current',
  prune: 'Dọn các bản cũ',
};

function fail(message: string): never {
  console.error(`LỖI: ${message}\n\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (err) {
    fail((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.to) fail('thiếu --to <thư mục cài đặt>.');
  const to = path.resolve(values.to);

  if (values.list) {
    const live = readCurrent(to);
    const ids = listReleases(to);
    if (ids.length === 0) console.log(`Chưa có bản nào trong ${to}.`);
    for (const id of ids) {
      const m = readInstalledManifest(to, id);
      console.log(
        `${id === live ? '*' : ' '} ${id}  ${m.pageCount} trang  commit ${m.commit?.slice(0, 7) ?? '—'}  ${m.site}`,
      );
    }
    return;
  }
  if (values.rollback) {
    if (positionals.length > 0) fail('--rollback không nhận tên gói.');
    const r = rollback(to);
    console.log(`Đã quay lại ${r.to} (trước đó: ${r.from}); đổi liên kết trong ${r.switchMs.toFixed(2)} ms.`);
    return;
  }
  if (positionals.length !== 1 || !positionals[0]) fail('cần đúng một gói .tar.gz.');
  const keep = values.keep === undefined ? undefined : Number.parseInt(values.keep, 10);
  if (keep !== undefined && !(keep >= 1)) fail('--keep phải là số nguyên ≥ 1.');

  const started = performance.now();
  const result = await deploy({
    to,
    archive: positionals[0],
    ...(values.checksums ? { checksums: values.checksums } : {}),
    ...(keep ? { keep } : {}),
    onStep: (step) =>
      console.log(`[${DEPLOY_STEPS.indexOf(step) + 1}/${DEPLOY_STEPS.length}] ${STEP_LABELS[step]}…`),
  });
  for (const w of result.warnings) console.warn(`CHÚ Ý: ${w}`);
  const m = result.manifest;
  console.log(`
Đã cài ${result.releaseId}${result.reused ? ' (đã có sẵn, chỉ chuyển sang)' : ''}: ${m.pageCount} trang, ${m.site}
  trước đó        ${result.previous ?? 'chưa có'}
  đổi liên kết    ${result.switchMs.toFixed(2)} ms (tổng ${((performance.now() - started) / 1000).toFixed(1)} s)
  đã xóa bản cũ   ${result.pruned.length > 0 ? result.pruned.join(', ') : 'không'}
Quay lại bản trước: npm run deploy -- --to ${to} --rollback`);
}

function parse() {
  return parseArgs({
    allowPositionals: true,
    strict: true,
    options: {
      to: { type: 'string' },
      rollback: { type: 'boolean', default: false },
      list: { type: 'boolean', default: false },
      checksums: { type: 'string' },
      keep: { type: 'string' },
      debug: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

main().catch((err: unknown) => {
  console.error(formatError(err, 'cài đặt', process.argv.includes('--debug')));
  // Say what is live now, read from disk: the promise that a failed deploy changed nothing.
  const toIndex = process.argv.indexOf('--to');
  const to = toIndex > 0 ? process.argv[toIndex + 1] : undefined;
  if (to) {
    try {
      const live = readCurrent(path.resolve(to));
      console.error(live ? `Trang đang chạy không thay đổi: ${live}.` : 'Chưa có bản nào đang chạy.');
    } catch {
      // current is not ours (already explained above).
    }
  }
  process.exitCode = 1;
});
