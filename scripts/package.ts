/**
 * `npm run package`: builds the site and writes a release package to release/ (see
 * src/lib/publishing/packaging-fs.ts). Where the site will be served comes from SITE_URL, BASE_PATH and
 * INSTALL_DIR, else so-tay.config.json, else the defaults (src/lib/publishing/site-config-fs.ts); with
 * SIGNING_KEY (or "signingKey") the package is signed with that OpenSSH key.
 *
 *     npm run package                        # build into dist/, package into release/
 *     npm run package -- --out /tmp/goi      # another output folder
 *     npm run package -- --dist /tmp/site    # build into another folder
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatError, UserFacingError } from '../src/lib/publishing/fs-errors.ts';
import { createPackage, gitState } from '../src/lib/publishing/packaging-fs.ts';
import { checkSigningKey } from '../src/lib/publishing/signing-fs.ts';
import {
  resolveInstallDir,
  resolveSigningKey,
  resolveSiteLocation,
  SiteConfigError,
} from '../src/lib/publishing/site-config.ts';
import { readPublishConfig } from '../src/lib/publishing/site-config-fs.ts';

// The build must not phone home, however this script is started.
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

const USAGE = `Cách dùng: npm run package [-- --out <thư mục gói>] [--dist <thư mục build>] [--debug]`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: 'release' },
      dist: { type: 'string', default: 'dist' },
      debug: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const root = process.cwd();
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  const config = readPublishConfig();
  const location = resolveSiteLocation(process.env, config);
  const installDir = resolveInstallDir(process.env, config);
  const signingKey = resolveSigningKey(process.env, config);
  if (signingKey) checkSigningKey(signingKey);
  const distDir = path.resolve(values.dist);
  const git = gitState(root);
  if (git.dirty) console.warn('CHÚ Ý: thư mục làm việc có thay đổi chưa commit; gói ghi "dirty": true.');

  console.log(`Build trang cho ${location.site} (thư mục cài đặt trên máy chủ: ${installDir})…`);
  const builtAt = new Date();
  // The same two steps as `npm run build` (scripts/build.ts): Astro, then the search index once
  // Astro has exited, so a large site's memory peak is the larger of the two, not their sum.
  // --force: a release is built from scratch, never from Astro's content cache of an earlier build.
  const built = spawnSync(
    process.execPath,
    [path.join(import.meta.dirname, 'build.ts'), '--force', '--outDir', distDir],
    { stdio: 'inherit' },
  );
  if (built.status !== 0) {
    throw new UserFacingError(
      built.error ? `Build thất bại: ${built.error.message}` : 'Build thất bại (lỗi in ở trên).',
      'Sửa lỗi được báo ở trên (thường là nội dung trong content/), chạy `npm run check`, rồi chạy lại.',
      built.error ? { cause: built.error } : undefined,
    );
  }

  const result = await createPackage({
    distDir,
    outDir: path.resolve(values.out),
    name: pkg.name,
    version: pkg.version,
    commit: git.commit,
    dirty: git.dirty,
    builtAt,
    location,
    installDir,
    signingKey,
  });
  const rel = (p: string) => path.relative(root, p) || p;
  const m = result.manifest;
  console.log(`
Đã tạo gói ${rel(result.archive)} (${(result.archiveBytes / 1024).toFixed(0)} KB)
  bản phát hành  ${m.releaseId}
  commit         ${m.commit ?? 'không có (không phải git)'}${m.dirty ? ' (có thay đổi chưa commit)' : ''}
  số trang       ${m.pageCount} (${m.fileCount} tệp, ${(m.siteBytes / 1024).toFixed(0)} KB)
  địa chỉ        ${m.site}
  SHA-256        ${result.sha256}
  danh sách mã   ${rel(result.checksumsFile)}
  chữ ký         ${result.signatureFile ? rel(result.signatureFile) : 'không ký (đặt SIGNING_KEY để ký)'}
Chép gói, SHA256SUMS${result.signatureFile ? ' và tệp .sig' : ''} lên máy chủ, rồi: npm run deploy -- --to ${installDir} ${rel(result.archive)}`);
}

main().catch((err: unknown) => {
  const debug = process.argv.includes('--debug');
  if (err instanceof SiteConfigError) console.error(`LỖI: ${err.message}`);
  else if ((err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))
    console.error(`LỖI: ${(err as Error).message}\n${USAGE}`);
  else console.error(formatError(err, 'tạo gói', debug));
  process.exitCode = 1;
});
