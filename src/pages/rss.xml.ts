/** RSS feed of news, newest first, with absolute links under the configured SITE_URL and BASE_PATH. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { loadCatalog, urls } from '../data/catalog.ts';
import { parsePartialDate } from '../lib/content/dates.ts';

export async function GET(context: APIContext) {
  const { news } = await loadCatalog();
  const site = context.site ?? new URL('http://localhost/');
  return rss({
    title: 'Sổ tay — Tin hội nghị',
    description: 'Tin hội nghị về công tác xây dựng Đảng.',
    site,
    customData: '<language>vi</language>',
    items: news.slice(0, 50).map((n) => {
      const d = parsePartialDate(n.data.eventDate);
      return {
        title: n.data.title,
        description: n.data.summary,
        link: new URL(urls.newsItem(n.id), site).href,
        pubDate: d ? new Date(Date.UTC(d.year, (d.month ?? 1) - 1, d.day ?? 1)) : undefined,
      };
    }),
  });
}
