/**
 * The frame every page shares: head (meta, social tags, styles, scripts), header with the
 * language switch, footer. No inline script or style anywhere: the pages run under
 * `Content-Security-Policy: default-src 'self'`.
 */
import type { Child, FC } from 'hono/jsx';
import { STRINGS, type Lang } from './i18n';
import type { PinnedBundle } from './snippets';

/** What every page knows about the request it answers. */
export interface PageContext {
  lang: Lang;
  /** The public origin every absolute URL names (public-origin.ts): `https://host`, no trailing slash. */
  origin: string;
  /** The request path, e.g. `/m/destination/CN`. */
  path: string;
  /** The request's query, to keep the other parameters when switching language. */
  query: URLSearchParams;
  /** Fingerprinted URLs of the site's stylesheet, script and icon. */
  assets: { css: string; js: string; icon: string };
  /** The widget bundle, same origin as the page. */
  bundle: string;
  /** The current widget release with its SRI hash, for the pinned snippet; null where unknown. */
  pinned: PinnedBundle | null;
}

/** The same page in another language: the query kept, `lang` replaced. */
export function urlInLang(ctx: PageContext, lang: Lang): string {
  const query = new URLSearchParams(ctx.query);
  query.set('lang', lang);
  return `${ctx.path}?${query.toString()}`;
}

export interface DocumentProps {
  ctx: PageContext;
  title: string;
  description: string;
  /** Absolute canonical URL. */
  canonical: string;
  /** Extra `<head>` content (social tags, oEmbed discovery). */
  head?: Child;
  children?: Child;
}

export const Document: FC<DocumentProps> = ({ ctx, title, description, canonical, head, children }) => {
  const t = STRINGS[ctx.lang];
  const other = t.otherLanguage;
  return (
    <html lang={t.htmlLang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>{title}</title>
        <meta name="description" content={description} />
        <link rel="canonical" href={canonical} />
        <link rel="alternate" hreflang="es" href={`${ctx.origin}${urlInLang(ctx, 'es')}`} />
        <link rel="alternate" hreflang="en" href={`${ctx.origin}${urlInLang(ctx, 'en')}`} />
        <link rel="icon" type="image/svg+xml" href={ctx.assets.icon} />
        <link rel="stylesheet" href={ctx.assets.css} />
        <script type="module" src={ctx.bundle}></script>
        <script type="module" src={ctx.assets.js}></script>
        {head}
      </head>
      <body>
        <a class="skip" href="#main">
          {t.skipToContent}
        </a>
        <header class="site-header">
          <div class="wrap">
            <a class="brand" href={ctx.lang === 'es' ? '/' : '/?lang=en'}>
              {t.siteName}
            </a>
            <nav aria-label={t.siteName}>
              <ul>
                <li>
                  <a href={`/${ctx.lang === 'es' ? '' : '?lang=en'}#latest`}>{t.nav.highlights}</a>
                </li>
                <li>
                  <a href={`/${ctx.lang === 'es' ? '' : '?lang=en'}#builder`}>{t.nav.builder}</a>
                </li>
                <li>
                  <a href={`/${ctx.lang === 'es' ? '' : '?lang=en'}#sources`}>{t.nav.sources}</a>
                </li>
                <li>
                  <a href="/docs">{t.nav.api}</a>
                </li>
              </ul>
            </nav>
            <p class="lang-switch">
              <span class="visually-hidden">{t.languageSwitch}: </span>
              <a href={urlInLang(ctx, other.lang)} hreflang={other.lang} lang={other.lang} rel="alternate">
                {other.name}
              </a>
            </p>
          </div>
        </header>
        <main id="main" class="wrap">
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>{t.footer}</p>
            <p>
              <a href="/docs">{t.api.reference}</a> · <a href="/openapi.json">{t.api.openapi}</a> · <a href="/v1/sources">/v1/sources</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
};
