/**
 * The pages' stylesheet and script, named by a hash of their content so they can be cached
 * for a year: a new deploy changes the name, never the bytes behind a name.
 */
import { contentId } from '@peru-exports/widgets/render';
import { SITE_CSS } from './site-css';
import { SITE_JS } from './site-js';

export interface SiteAsset {
  /** Fingerprinted path, e.g. `/assets/site.1x2y3z.css`. */
  path: string;
  /** The unversioned name, e.g. `site.css`. */
  name: string;
  type: string;
  body: string;
}

function asset(base: string, ext: string, type: string, body: string): SiteAsset {
  return { path: `/assets/${contentId(`${base}.`, body)}.${ext}`, name: `${base}.${ext}`, type, body };
}

/** The site's icon: a rising line on Peru's red. */
const ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#d91023"/>' +
  '<path d="M6 23l6-7 5 4 9-11" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/></svg>';

export const SITE_ASSETS = {
  css: asset('site', 'css', 'text/css; charset=utf-8', SITE_CSS),
  js: asset('site', 'js', 'text/javascript; charset=utf-8', SITE_JS),
  icon: asset('icon', 'svg', 'image/svg+xml', ICON_SVG),
} as const;

/** A fingerprinted name is immutable; the plain name (or a stale fingerprint) is revalidated often. */
export const ASSET_CACHE = {
  fingerprinted: 'public, max-age=31536000, immutable',
  plain: 'public, max-age=300',
} as const;

/**
 * The asset for a file name under `/assets/`: its fingerprinted name, the plain name, or
 * an older fingerprint (a page cached across a deploy), which gets the current bytes with
 * the short lifetime. Null for anything else.
 */
export function findAsset(file: string): { asset: SiteAsset; cacheControl: string } | null {
  for (const a of Object.values(SITE_ASSETS)) {
    if (`/assets/${file}` === a.path) return { asset: a, cacheControl: ASSET_CACHE.fingerprinted };
    const [base, ext] = a.name.split('.') as [string, string];
    if (file === a.name || new RegExp(`^${base}\\.[0-9a-z]+\\.${ext}$`).test(file)) {
      return { asset: a, cacheControl: ASSET_CACHE.plain };
    }
  }
  return null;
}
