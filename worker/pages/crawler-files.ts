/**
 * What search engines read: `/robots.txt` (robotstxt.org; RFC 9309) and `/sitemap.xml`
 * (sitemaps.org protocol 0.9). Pure: the origin and the metric ids in, text out.
 */
import { LANGS } from '../../data/types';
import { escapeXml } from '@peru-exports/widgets/render';
import { metricPageUrl } from './snippets';

/**
 * Everything may be crawled except the builder's output alone (`/builder/output`, the part of
 * the front page its script swaps in: a fragment, not a page).
 */
export function robotsTxt(origin: string): string {
  return ['User-agent: *', 'Disallow: /builder/output', '', `Sitemap: ${origin}/sitemap.xml`, ''].join('\n');
}

/**
 * The front page, the API reference and every metric's page (`/m/{id}`), each in both
 * languages as its canonical URL gives it (Spanish without a query, `?lang=en`).
 */
export function sitemapXml(origin: string, metricIds: readonly string[]): string {
  const urls = [
    ...LANGS.map((lang) => `${origin}/${lang === 'en' ? '?lang=en' : ''}`),
    `${origin}/docs`,
    ...metricIds.flatMap((id) => LANGS.map((lang) => metricPageUrl(origin, id, lang))),
  ];
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
    urls.map((url) => `<url><loc>${escapeXml(url)}</loc></url>\n`).join('') +
    '</urlset>\n'
  );
}
