/**
 * Turns the system errors an administrator can meet while packaging or deploying (full disk,
 * missing permission, read-only disk, missing file) into a Vietnamese sentence that says what
 * happened and what to do — never a bare stack trace.
 */

/**
 * Text from outside (a manifest, a checksum list, an archive's entry names, an environment variable)
 * made safe to print on a terminal: control characters (C0, DEL, C1: the start of every terminal
 * escape sequence) and the bidirectional overrides that reorder what is shown become visible `\xNN`
 * or `\uNNNN` escapes, so a hostile value can neither drive the terminal nor disguise itself.
 */
export function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** An error the command line prints as is: `message` says what happened, `hint` what to do. */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
  /** What the administrator should do next. */
  readonly hint: string;
  /** Creates the error; `cause` keeps the original for `--debug`. */
  constructor(message: string, hint: string, options?: { cause?: unknown }) {
    super(message, options);
    this.hint = hint;
  }
}

/**
 * Explains a Node system error (`ENOSPC`, `EACCES`…) thrown while `doing` something (a phrase such
 * as "giải nén gói"). Returns null for errors that are not system errors.
 */
export function explainSystemError(err: unknown, doing: string): UserFacingError | null {
  const e = err as NodeJS.ErrnoException | null;
  if (!e || typeof e !== 'object' || typeof e.code !== 'string') return null;
  const where = e.path ? ` (${e.path})` : '';
  switch (e.code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new UserFacingError(
        `Hết dung lượng đĩa khi ${doing}${where}.`,
        'Giải phóng chỗ trống (xem bằng `df -h`; có thể xóa các bản cũ trong thư mục releases/) rồi chạy lại lệnh.',
        { cause: err },
      );
    case 'EACCES':
    case 'EPERM':
      return new UserFacingError(
        `Không có quyền khi ${doing}${where}.`,
        'Chạy lệnh bằng tài khoản có quyền ghi vào thư mục đó (ví dụ `sudo -u <người quản trị trang> npm run …`), hoặc cấp quyền: `chown -R <tài khoản> <thư mục>`.',
        { cause: err },
      );
    case 'EROFS':
      return new UserFacingError(
        `Ổ đĩa chỉ cho đọc khi ${doing}${where}.`,
        'Chọn một thư mục trên ổ đĩa ghi được, hoặc gắn lại ổ ở chế độ đọc-ghi.',
        { cause: err },
      );
    case 'ENOENT':
      return new UserFacingError(
        `Không tìm thấy tệp hoặc thư mục khi ${doing}${where}.`,
        'Kiểm tra lại đường dẫn (đường dẫn tương đối tính từ thư mục đang đứng).',
        { cause: err },
      );
    case 'ENOTDIR':
    case 'EISDIR':
    case 'EEXIST':
      return new UserFacingError(
        `Đường dẫn không đúng loại khi ${doing}${where}: cần thư mục mà gặp tệp, hoặc ngược lại.`,
        'Kiểm tra lại đường dẫn đã cho.',
        { cause: err },
      );
    case 'EMFILE':
    case 'ENFILE':
      return new UserFacingError(
        `Hệ thống mở quá nhiều tệp cùng lúc khi ${doing}.`,
        'Tăng giới hạn (`ulimit -n 4096`) rồi chạy lại.',
        { cause: err },
      );
    default:
      return null;
  }
}

/** Formats an error for the terminal: message and hint, plus the stack only when `debug`. */
export function formatError(err: unknown, doing: string, debug = false): string {
  const known = err instanceof UserFacingError ? err : explainSystemError(err, doing);
  const lines = known
    ? [`LỖI: ${known.message}`, `Cách xử lý: ${known.hint}`]
    : [
        `LỖI không mong đợi khi ${doing}: ${(err as Error)?.message ?? String(err)}`,
        'Cách xử lý: chạy lại với --debug để xem chi tiết và gửi kết quả cho người phát triển.',
      ];
  if (debug) lines.push(...String((err as Error)?.stack ?? err).split('\n'));
  // Messages quote file names and fields from the package: never let them reach the terminal raw.
  return lines.map(printable).join('\n');
}
