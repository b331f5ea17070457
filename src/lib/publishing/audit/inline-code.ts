/**
 * Check: no code inline in the page, which the Content-Security-Policy (no `unsafe-inline`) blocks:
 * `<script>` bodies of an executable type, `on…=` handlers, `<style>` elements, `style=` attributes,
 * and `srcdoc` (a whole document inline in an `<iframe>`). `javascript:` URLs are urls.ts's.
 */
import type { HtmlCheck } from './page.ts';

/** Script types the browser executes; others (JSON data, templates) are inert and allowed inline. */
function isExecutableScriptType(type: string | undefined): boolean {
  const t = (type ?? '').trim().toLowerCase();
  return t === '' || t === 'module' || t === 'text/javascript' || t === 'application/javascript';
}

/** The check. */
export const checkInlineCode: HtmlCheck = ({ page, report }) => {
  for (const { name, attribs, start } of page.tags) {
    for (const attr of Object.keys(attribs)) {
      if (/^on[a-z]+$/.test(attr)) {
        report(
          start,
          `<${name} ${attr}>: mã JavaScript trong thuộc tính bị Content-Security-Policy chặn; dùng addEventListener trong <script> của Astro.`,
        );
      }
    }
    if (attribs.style !== undefined && attribs.style.trim() !== '') {
      report(
        start,
        `<${name} style="…">: kiểu trong thuộc tính style bị Content-Security-Policy chặn; dùng lớp CSS (Tailwind).`,
      );
    }
    if (attribs.srcdoc !== undefined) {
      report(
        start,
        `<${name} srcdoc>: cả một trang HTML viết trong thuộc tính (có thể chứa mã); hãy đặt trang đó thành tệp riêng và dùng src.`,
      );
    }
    if (name === 'style') {
      report(
        start,
        '<style>: CSS nội tuyến bị Content-Security-Policy chặn; đặt CSS vào tệp (Astro build.inlineStylesheets: "never").',
      );
    }
  }
  for (const { type, text, start } of page.inlineScripts) {
    if (isExecutableScriptType(type) && text.trim() !== '') {
      report(
        start,
        '<script> nội tuyến bị Content-Security-Policy chặn (không có unsafe-inline); dùng <script> do Astro đóng gói hoặc tệp trong public/.',
      );
    }
  }
};
