/**
 * oEmbed (https://oembed.com/): a CMS given the URL of a metric page (or of the builder) asks
 * here for the embed code and gets the one-line snippet as a `rich` response.
 *
 * oEmbed §2.3.4 on errors: "404 Not Found: The provider has no response for the requested url
 * parameter", "501 Not Implemented: The provider cannot return a response in the requested
 * format". Errors are problem details like the rest of the API.
 */
import { Hono, type Context } from 'hono';
import { cacheControl } from '../cache-policy';
import type { AppEnv } from '../env';
import { problem, ProblemError, problemResponse } from '../problem';
import { publicOrigin } from '../public-origin';
import { fitSize, oembedSize, specFromPageUrl } from '../pages/embed-url';
import { STRINGS } from '../pages/i18n';
import { embedHtml, sizeBounds, type EmbedSpec } from '../pages/snippets';
import { checkCardRequest, checkSeriesImageRequest } from '../checks/image';
import { checkRanking } from '../checks/ranking';
import { socialImageUrl } from '../pages/social-tags';
import { SOCIAL_SIZE } from '../render/social';
import { embedText, isMetricId } from '../pages/view';

const oembed = new Hono<AppEnv>();

/**
 * 501 is answered, not thrown: `app.onError` logs every status ≥ 500 as a server fault, and
 * this one is the spec's ordinary answer to a format we do not offer.
 */
function notImplemented(c: Context, detail: string): Response {
  return problemResponse(problem('not-implemented', detail, { instance: c.req.path }));
}

/** A positive whole number of pixels, or null when absent. */
function maxSize(name: 'maxwidth' | 'maxheight', value: string | undefined): number | null {
  if (value === undefined) return null;
  if (!/^\d{1,5}$/.test(value) || Number(value) === 0) {
    throw new ProblemError(
      problem('invalid-parameter', `${name} must be a positive whole number of pixels`, {
        errors: [{ param: name, message: `"${value.slice(0, 40)}" is not a positive whole number`, allowed: 'a whole number from 1' }],
      }),
    );
  }
  return Number(value);
}

/**
 * Checks what the embed will show with the checks the elements' and images' requests make, so a
 * spec they would refuse (a range outside the series, a sparkline of a highlight) throws their
 * problem here.
 */
function checkDrawable(spec: EmbedSpec): void {
  if (spec.kind === 'ranking') {
    checkRanking(spec.ranking, { year: spec.year === null ? undefined : Number(spec.year), limit: spec.limit ?? undefined });
  } else {
    const query = { from: spec.from ?? undefined, to: spec.to ?? undefined, freq: spec.freq ?? undefined };
    if (spec.kind === 'sparkline' || spec.kind === 'sparkline-image' || spec.kind === 'chart-image')
      checkSeriesImageRequest(spec.metric, query);
    // A card draws its series' points (a highlight has none).
    else checkCardRequest(spec.metric, query);
  }
}

/** An empty parameter is an absent one (a form sends every field). */
function param(c: Context, name: string): string | undefined {
  const value = c.req.query(name);
  return value === '' ? undefined : value;
}

oembed.get('/', (c) => {
  const format = param(c, 'format');
  if (format !== undefined && format !== 'json') {
    return notImplemented(c, `format "${format.slice(0, 20)}" is not available; this provider answers format=json only`);
  }
  const url = param(c, 'url');
  if (url === undefined) {
    throw new ProblemError(
      problem('invalid-parameter', 'url is required: the address of a metric page, e.g. /m/destination/CN', {
        errors: [{ param: 'url', message: 'missing', allowed: 'a URL of this site: /m/{metric id} or the builder /?…' }],
      }),
    );
  }
  const max = { width: maxSize('maxwidth', param(c, 'maxwidth')), height: maxSize('maxheight', param(c, 'maxheight')) };
  // Only pages of the public origin embed, and every URL of the answer names it.
  const origin = publicOrigin(c);
  const resolved = specFromPageUrl(url, new URL(origin).host, isMetricId);
  if (!resolved.ok) {
    throw new ProblemError(
      problem(resolved.reason === 'unknown-metric' ? 'unknown-metric' : 'not-found', `No embed for this url: ${resolved.detail}`),
    );
  }
  let spec = resolved.spec;
  let natural: { width: number; height: number };
  try {
    checkDrawable(spec);
    natural = oembedSize(spec);
  } catch (err) {
    // The page's parameters ask for something that cannot be drawn: oEmbed's answer is "no
    // response for this url" (404), saying why, not the 400 of the request that would fail.
    if (!(err instanceof ProblemError) || err.problem.status >= 500) throw err;
    throw new ProblemError(problem('not-found', `No embed for this url: ${err.problem.detail}`));
  }
  const bounds = sizeBounds(spec.kind);
  const fitted = fitSize(spec, natural, max, bounds.width?.min ?? 0);
  if (fitted === null) {
    throw new ProblemError(problem('not-found', `No embed of ${spec.metric} fits in ${max.width ?? '∞'}×${max.height ?? '∞'} px`));
  }
  // Shrunk to fit: the snippet carries the smaller size (unsized, it keeps the element's own).
  if (fitted !== natural) {
    spec = { ...spec, width: bounds.width ? fitted.width : null, height: bounds.height ? fitted.height : null };
  }
  const text = embedText(spec, spec.lang);
  // oEmbed §2.3.4: "The thumbnail must respect any maxwidth and maxheight parameters": the social
  // preview (the page's og:image) when it fits them, else no thumbnail.
  const fitsThumbnail = (max.width ?? Infinity) >= SOCIAL_SIZE.width && (max.height ?? Infinity) >= SOCIAL_SIZE.height;
  const thumbnail = fitsThumbnail
    ? {
        thumbnail_url: socialImageUrl(origin, spec.kind === 'ranking' ? null : spec.metric, spec.lang),
        thumbnail_width: SOCIAL_SIZE.width,
        thumbnail_height: SOCIAL_SIZE.height,
      }
    : {};
  return c.json(
    {
      version: '1.0',
      type: 'rich',
      provider_name: STRINGS[spec.lang].siteName,
      provider_url: `${origin}/`,
      title: text.title,
      html: embedHtml(spec, origin, text),
      width: fitted.width,
      height: fitted.height,
      cache_age: 86400,
      ...thumbnail,
    },
    200,
    { 'Cache-Control': cacheControl('data'), 'Access-Control-Allow-Origin': '*' },
  );
});

export default oembed;
