/**
 * Browser behaviour shared by every page: the light/dark toggle, the `/` shortcut that focuses the
 * search box, and marking the searched words on a page opened from the search results. All are
 * enhancements: without JavaScript the page follows the system theme and the search box is a plain
 * form.
 */
const THEME_KEY = 'so-tay-theme';
type Choice = 'system' | 'light' | 'dark';
/**
 * What the button shows for each choice: a glyph (hidden from screen readers) and a short word that
 * fits beside the logo at 360 px. The button's name comes from its content — "Giao diện: Tự động",
 * the first part visually hidden — so it always contains the visible word (WCAG 2.5.3); what a
 * press does is its description.
 */
const LABELS: Record<Choice, { icon: string; text: string; press: string }> = {
  system: { icon: '◐', text: 'Tự động', press: 'Bấm để chuyển sang giao diện sáng.' },
  light: { icon: '☀', text: 'Sáng', press: 'Bấm để chuyển sang giao diện tối.' },
  dark: { icon: '☾', text: 'Tối', press: 'Bấm để giao diện theo hệ thống.' },
};
const NEXT: Record<Choice, Choice> = { system: 'light', light: 'dark', dark: 'system' };

function readChoice(): Choice {
  try {
    const v = localStorage.getItem(THEME_KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

function applyChoice(choice: Choice, button: HTMLButtonElement): void {
  if (choice === 'system') document.documentElement.removeAttribute('data-theme');
  else document.documentElement.setAttribute('data-theme', choice);
  try {
    if (choice === 'system') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, choice);
  } catch {
    // Storage may be disabled; the choice then lasts for this page only.
  }
  showChoice(choice, button);
}

/** Shows `choice` on the button: glyph, word, and (in its description) what a press does. */
function showChoice(choice: Choice, button: HTMLButtonElement): void {
  const { icon, text, press } = LABELS[choice];
  const description = document.getElementById(button.getAttribute('aria-describedby') ?? '');
  for (const [part, value] of [
    [button.querySelector('[data-theme-icon]'), icon],
    [button.querySelector('[data-theme-text]'), text],
    [description, press],
  ] as const) {
    if (part !== null) part.textContent = value;
  }
}

/** Wires the theme toggle and the `/` shortcut. */
export function initShell(): void {
  const button = document.getElementById('doi-giao-dien');
  if (button instanceof HTMLButtonElement) {
    let choice = readChoice();
    showChoice(choice, button);
    button.hidden = false;
    button.addEventListener('click', () => {
      choice = NEXT[choice];
      applyChoice(choice, button);
    });
  }
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement | null;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    // The search page's own box comes after the header's and is the one to type in there.
    const boxes = document.querySelectorAll<HTMLInputElement>('[data-search-shortcut]');
    const box = boxes[boxes.length - 1];
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });
  markSearchedWords();
}

/**
 * On a document or news page opened from the search page, marks the searched words. The query comes
 * from the referrer; the highlighter loads only then.
 */
function markSearchedWords(): void {
  const searchPage = document.querySelector('form[role="search"]')?.getAttribute('action');
  if (!searchPage || !document.referrer || !document.querySelector('[data-pagefind-body]')) return;
  const from = new URL(document.referrer);
  const query = from.searchParams.get('q')?.trim() ?? '';
  if (from.origin !== location.origin || from.pathname !== searchPage || query === '') return;
  void import('./highlight.ts').then((m) => m.markSearchedWords(query));
}
