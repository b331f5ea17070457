// Applies the reader's saved light/dark choice before the first paint. A tiny classic script in
// public/ (not inline) so the Content-Security-Policy can forbid inline scripts. Without
// JavaScript, or with no saved choice, the page follows the system setting through CSS.
(() => {
  try {
    const t = localStorage.getItem('so-tay-theme');
    if (t === 'light' || t === 'dark') document.documentElement.setAttribute('data-theme', t);
  } catch {
    // Storage disabled: follow the system setting.
  }
})();
