/**
 * Which embed a page URL of this service stands for, for oEmbed: a metric page
 * (`/m/destination/CN?theme=dark`) embeds that metric's card (or the kind its query names);
 * a builder URL (`/?kind=ranking&year=2024#builder`) embeds what the builder shows. Pure.
 */
import { measureCard } from '../render/card';
import { builderSpec } from './builder';
import type { Lang } from './i18n';
import { DEFAULT_SPEC, embedSize, parseEmbedSpec, type EmbedIssue, type EmbedSpec } from './snippets';

export type EmbedUrlResult =
  | { ok: true; spec: EmbedSpec; issues: EmbedIssue[] }
  | { ok: false; reason: 'not-a-url' | 'other-site' | 'not-embeddable' | 'unknown-metric'; detail: string };

const METRIC_PATH = /^\/m\/([A-Za-z0-9-]+(?:\/[A-Za-z0-9-]+)?)\/?$/;

/**
 * The spec for `url` when it is one of our pages. The scheme is not compared (a CMS may have
 * stored the http:// form); the host is. The page's `lang` decides the embed's language.
 */
export function specFromPageUrl(url: string, host: string, isMetric: (id: string) => boolean): EmbedUrlResult {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'not-a-url', detail: `"${url.slice(0, 100)}" is not an absolute URL` };
  }
  if (parsed.host !== host || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    return { ok: false, reason: 'other-site', detail: `only URLs of ${host} can be embedded` };
  }
  const lang: Lang = parsed.searchParams.get('lang') === 'en' ? 'en' : 'es';
  const metricPath = METRIC_PATH.exec(parsed.pathname);
  if (metricPath !== null) {
    const id = metricPath[1] ?? '';
    if (!isMetric(id)) return { ok: false, reason: 'unknown-metric', detail: `there is no metric "${id}"` };
    const query = Object.fromEntries(parsed.searchParams);
    const kind = query['kind'] === 'ranking' ? undefined : query['kind'];
    return { ok: true, ...parseEmbedSpec({ ...query, kind, metric: id }, isMetric, { ...DEFAULT_SPEC, lang }) };
  }
  if (parsed.pathname === '/') return { ok: true, ...builderSpec(parsed.searchParams, lang, isMetric) };
  return { ok: false, reason: 'not-embeddable', detail: `${parsed.pathname} is not a metric page (/m/{id}) or the builder (/)` };
}

/**
 * The size oEmbed states for a spec: what the image is drawn at, or what the element takes. A
 * card, live or image, is one fixed box (measureCard; the element takes it at its default
 * 16 px, as test/e2e/pages.test.ts measures in Chromium); a ranking takes its header and source
 * line plus a row per item (measured by test/e2e/embed.test.ts).
 */
export function oembedSize(spec: EmbedSpec): { width: number; height: number } {
  const size = embedSize(spec);
  switch (spec.kind) {
    case 'card':
    case 'card-image':
      return measureCard({ width: size.width ?? undefined });
    case 'sparkline':
    case 'sparkline-image':
      return { width: size.width ?? 120, height: size.height ?? 32 };
    case 'chart-image':
      return { width: size.width ?? 640, height: size.height ?? 360 };
    case 'ranking':
      return { width: RANKING_WIDTH, height: RANKING_HEADER + RANKING_ROW * (spec.limit ?? 10) };
  }
}

const RANKING_WIDTH = 420;
const RANKING_HEADER = 86;
const RANKING_ROW = 34;

/**
 * Fits a size into the consumer's `maxwidth`/`maxheight` (oEmbed §2.2: the provider must
 * respect them), scaling images proportionally; null when no allowed size fits.
 */
export function fitSize(
  spec: EmbedSpec,
  size: { width: number; height: number },
  max: { width: number | null; height: number | null },
  minWidth: number,
): { width: number; height: number } | null {
  const scale = Math.min(1, max.width !== null ? max.width / size.width : 1, max.height !== null ? max.height / size.height : 1);
  if (scale >= 1) return size;
  const width = Math.floor(size.width * scale);
  if (width < minWidth) return null;
  // A card's height does not follow its width (measureCard): keep it.
  const height = spec.kind === 'card' || spec.kind === 'card-image' ? size.height : Math.floor(size.height * scale);
  if (max.height !== null && height > max.height) return null;
  return { width, height };
}
