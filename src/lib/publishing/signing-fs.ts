/**
 * Signed packages, with OpenSSH's own tool (`ssh-keygen -Y sign` / `-Y verify`, OpenSSH 8.1+, in
 * Debian's openssh-client): no new key format, no new dependency, and an administrator can check a
 * signature by hand with the same commands.
 *
 * - `npm run package` signs the archive when a private key is configured (`SIGNING_KEY`), writing
 *   `<package>.tar.gz.sig` next to it.
 * - `npm run deploy` verifies that signature when an allowed-signers file is configured
 *   (`<install folder>/allowed_signers`, or `--allowed-signers`), and then refuses an unsigned
 *   package or one signed by a key the file does not list.
 *
 * The signature covers the archive's bytes; the archive holds the release's checksums, so the
 * signature vouches for every file installed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { printable, UserFacingError } from './fs-errors.ts';

/** The `-n` namespace: a signature made for something else (git commits, files) is not accepted. */
export const SIGNATURE_NAMESPACE = 'so-tay-release';

/** Where the signature of `archive` lives. */
export function signatureFileFor(archive: string): string {
  return `${archive}.sig`;
}

const INSTALL_HINT =
  'Cài OpenSSH: `apt-get install openssh-client` (Debian/Ubuntu); trên Windows bật "OpenSSH Client" trong Optional features.';

/** Runs ssh-keygen; a missing program becomes a message that says how to install it. */
function sshKeygen(
  args: string[],
  options: { stdin?: number | 'ignore' | 'inherit' } = {},
): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('ssh-keygen', args, {
    encoding: 'utf8',
    stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'],
  });
  if (run.error) {
    if ((run.error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UserFacingError(
        'Không tìm thấy chương trình ssh-keygen (cần để ký hoặc kiểm tra chữ ký gói).',
        INSTALL_HINT,
        {
          cause: run.error,
        },
      );
    }
    throw run.error;
  }
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/**
 * Checks, before anything is built, that the signing key exists and ssh-keygen is installed: a
 * long build that ends in "cannot sign" wastes the administrator's time.
 */
export function checkSigningKey(key: string): void {
  if (!fs.existsSync(key)) {
    throw new UserFacingError(
      `Không thấy khóa ký ${key} (SIGNING_KEY).`,
      'Kiểm tra đường dẫn tới khóa riêng, hoặc tạo khóa: `ssh-keygen -t ed25519 -C "ky-goi-so-tay" -f ~/.ssh/so-tay-ky-goi`.',
    );
  }
  // An unknown option: ssh-keygen prints its usage; the call fails with ENOENT only if it is missing.
  sshKeygen(['-?']);
}

/**
 * Signs `file` with the private key `key`, writing `<file>.sig`. A key with a passphrase asks for
 * it on the terminal (ssh-keygen reads /dev/tty itself) or through a running ssh-agent.
 */
export function signFile(file: string, key: string): string {
  checkSigningKey(key);
  const signature = signatureFileFor(file);
  // ssh-keygen asks before overwriting; a leftover from an interrupted run is ours to replace.
  fs.rmSync(signature, { force: true });
  const run = sshKeygen(['-Y', 'sign', '-f', key, '-n', SIGNATURE_NAMESPACE, file], { stdin: 'inherit' });
  if (run.status !== 0 || !fs.existsSync(signature)) {
    throw new UserFacingError(
      `Không ký được gói bằng khóa ${key}: ${printable(run.stderr.trim()) || `ssh-keygen thoát với mã ${run.status}`}.`,
      'Kiểm tra đó là khóa RIÊNG (không phải tệp .pub) và mật khẩu của nó; thử tay: `ssh-keygen -Y sign -f <khóa> -n so-tay-release <tệp>`.',
    );
  }
  return signature;
}

/**
 * Checks that `signature` is a valid signature of `file` by a key listed in `allowedSigners`
 * (OpenSSH's allowed_signers format: `<tên> <loại khóa> <khóa công khai>` per line). Returns the
 * signer's name from that file. Throws a {@link UserFacingError} otherwise.
 */
export function verifyFileSignature(file: string, signature: string, allowedSigners: string): string {
  const found = sshKeygen(['-Y', 'find-principals', '-s', signature, '-f', allowedSigners]);
  const principals = found.status === 0 ? found.stdout.split('\n').filter(Boolean) : [];
  if (principals.length === 0) {
    throw new UserFacingError(
      `Chữ ký ${signature} không phải của khóa nào trong ${allowedSigners}${found.stderr.trim() ? ` (${printable(found.stderr.trim())})` : ''}.`,
      'Không cài gói này. Nếu gói đúng là do người có quyền tạo, thêm khóa công khai của họ vào tệp allowed_signers rồi chạy lại.',
    );
  }
  const problems: string[] = [];
  for (const principal of principals) {
    const fd = fs.openSync(file, 'r');
    try {
      const run = sshKeygen(
        ['-Y', 'verify', '-f', allowedSigners, '-I', principal, '-n', SIGNATURE_NAMESPACE, '-s', signature],
        { stdin: fd },
      );
      if (run.status === 0) return principal;
      problems.push(printable(`${principal}: ${(run.stderr || run.stdout).trim()}`));
    } finally {
      fs.closeSync(fd);
    }
  }
  throw new UserFacingError(
    `Chữ ký của gói không hợp lệ: gói đã bị sửa sau khi ký, hoặc chữ ký dành cho tệp khác (${problems.join('; ')}).`,
    'Không cài gói này. Chép lại gói cùng tệp .sig từ máy đã tạo gói rồi chạy lại.',
  );
}
