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
import { formatError, printable } from '../src/lib/publishing/fs-errors.ts';

const USAGE = `Cách dùng:
  npm run deploy -- --to <thư mục cài đặt> <gói.tar.gz>   cài gói và chuyển sang nó
  npm run deploy -- --to <thư mục cài đặt> --rollback     quay lại bản trước
  npm run deploy -- --to <thư mục cài đặt> --list         liệt kê các bản đã cài
Tùy chọn: --checksums <SHA256SUMS> (mặc định: cạnh gói), --keep <số bản giữ lại> (mặc định 5),
  --allowed-signers <tệp> (chỉ nhận gói có chữ ký của các khóa này; mặc định <thư mục cài đặt>/allowed_signers
  nếu có), --debug`;

const STEP_LABELS: Record<DeployStep, string> = {
  checksum: 'Kiểm tra mã SHA-256 (và chữ ký) của gói',
  unpack: 'Giải nén',
  verify: 'Kiểm tra từng tệp',
  install: 'Đưa vào releases/',
  switch: 'Chuyển liên kết current',
  prune: 'Dọn các bản cũ',
};

/** The install folder and the release live when the command started, to report honestly on failure. */
let liveBefore: { to: string; id: string | null } | null = null;

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
  liveBefore = { to, id: readCurrent(to) };

  if (values.list) {
    const ids = listReleases(to);
    if (ids.length === 0) console.log(`Chưa có bản nào trong ${to}.`);
    for (const id of ids) {
      const mark = id === liveBefore.id ? '*' : ' ';
      try {
        const m = readInstalledManifest(to, id);
        console.log(
          printable(`${mark} ${id}  ${m.pageCount} trang  commit ${m.commit?.slice(0, 7) ?? '—'}  ${m.site}`),
        );
      } catch (err) {
        console.log(printable(`${mark} ${id}  HỎNG: ${(err as Error).message}`));
      }
    }
    return;
  }
  if (values.rollback) {
    if (positionals.length > 0) fail('--rollback không nhận tên gói.');
    const r = await rollback(to);
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
    ...(values['allowed-signers'] ? { allowedSigners: values['allowed-signers'] } : {}),
    onStep: (step) =>
      console.log(`[${DEPLOY_STEPS.indexOf(step) + 1}/${DEPLOY_STEPS.length}] ${STEP_LABELS[step]}…`),
  });
  for (const w of result.warnings) console.warn(printable(`CHÚ Ý: ${w}`));
  const m = result.manifest;
  // Manifest fields are checked, but printed through printable() all the same: nothing from a
  // package reaches the terminal raw.
  const report = [
    '',
    `Đã cài ${result.releaseId}${result.reused ? ' (đã có sẵn, đã kiểm tra lại rồi chuyển sang)' : ''}: ${m.pageCount} trang, ${m.site}`,
    `  trước đó        ${result.previous ?? 'chưa có'}`,
    `  chữ ký          ${result.signer ? `hợp lệ, của ${result.signer}` : 'không kiểm tra (không có allowed_signers)'}`,
    `  đổi liên kết    ${result.switchMs.toFixed(2)} ms (tổng ${((performance.now() - started) / 1000).toFixed(1)} s)`,
    `  đã xóa bản cũ   ${result.pruned.length > 0 ? result.pruned.join(', ') : 'không'}`,
    `Quay lại bản trước: npm run deploy -- --to ${to} --rollback`,
  ];
  console.log(report.map(printable).join('\n'));
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
      'allowed-signers': { type: 'string' },
      debug: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

main().catch((err: unknown) => {
  console.error(formatError(err, 'cài đặt', process.argv.includes('--debug')));
  // Say what is live now, read from disk, and whether that is what was live before: the promise
  // that a failed deploy changed nothing is checked, not assumed.
  if (liveBefore) {
    try {
      const live = readCurrent(liveBefore.to);
      if (live === liveBefore.id) {
        console.error(live ? `Trang đang chạy không thay đổi: ${live}.` : 'Chưa có bản nào đang chạy.');
      } else {
        console.error(
          `Trang đang chạy ĐÃ ĐỔI: ${live ?? 'không có'} (trước đó: ${liveBefore.id ?? 'không có'}).`,
        );
      }
    } catch {
      // current is not ours (already explained above).
    }
  }
  process.exitCode = 1;
});
