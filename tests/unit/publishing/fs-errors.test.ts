import { describe, expect, it } from 'vitest';
import {
  explainSystemError,
  formatError,
  printable,
  UserFacingError,
} from '../../../src/lib/publishing/fs-errors.ts';

function systemError(code: string, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: boom, open '${file}'`), { code, path: file });
}

describe('system errors for administrators', () => {
  it('say what happened, where, and what to do, in Vietnamese', () => {
    const full = explainSystemError(systemError('ENOSPC', '/srv/so-tay/releases/x'), 'giải nén gói');
    expect(full?.message).toBe('Hết dung lượng đĩa khi giải nén gói (/srv/so-tay/releases/x).');
    expect(full?.hint).toMatch(/df -h/);
    const denied = explainSystemError(systemError('EACCES', '/srv/so-tay'), 'tạo thư mục cài đặt');
    expect(denied?.message).toMatch(/Không có quyền/);
    expect(denied?.hint).toMatch(/chown/);
  });

  it('leave other errors to the generic message, without a stack unless asked', () => {
    expect(explainSystemError(new Error('x'), 'cài đặt')).toBeNull();
    const printed = formatError(new TypeError('không ngờ'), 'cài đặt');
    expect(printed).toMatch(/^LỖI không mong đợi khi cài đặt: không ngờ\nCách xử lý: .*--debug/);
    expect(printed).not.toMatch(/\n\s+at /);
    expect(formatError(new TypeError('không ngờ'), 'cài đặt', true)).toMatch(/\n\s+at /);
    expect(formatError(new UserFacingError('Gói hỏng.', 'Chép lại.'), 'cài đặt')).toBe(
      'LỖI: Gói hỏng.\nCách xử lý: Chép lại.',
    );
  });

  it('print text from a package with its control characters escaped, so it cannot drive the terminal', () => {
    const hostile = 'so-tay\u001b]0;bi-chiem\u0007\u001b[2J\u202egnp.exe\u009b';
    expect(printable(hostile)).toBe('so-tay\\x1b]0;bi-chiem\\x07\\x1b[2J\\u202egnp.exe\\x9b');
    expect(printable('Sổ tay — bình thường')).toBe('Sổ tay — bình thường');
    const printed = formatError(new UserFacingError(`Gói ${hostile} hỏng.`, 'Chép lại.'), 'cài đặt');
    for (const raw of ['\u001b', '\u0007', '\u202e', '\u009b']) expect(printed).not.toContain(raw);
    expect(printed).toContain('so-tay\\x1b]0;bi-chiem');
  });
});
