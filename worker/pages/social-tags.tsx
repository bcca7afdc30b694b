/**
 * A page's social preview: Open Graph's og:image with its size, type and alt text, and Twitter's
 * large-image card (Twitter reads og:image when twitter:image is absent; both are given, as
 * some crawlers read only one). The image is a PNG twin of routes/social.ts, at its public URL.
 */
import type { FC } from 'hono/jsx';
import { SOCIAL_SIZE } from '../render/social';

export const SocialImageTags: FC<{ url: string; alt: string }> = ({ url, alt }) => (
  <>
    <meta property="og:image" content={url} />
    <meta property="og:image:type" content="image/png" />
    <meta property="og:image:width" content={String(SOCIAL_SIZE.width)} />
    <meta property="og:image:height" content={String(SOCIAL_SIZE.height)} />
    <meta property="og:image:alt" content={alt} />
    <meta name="twitter:card" content="summary_large_image" />
    <meta name="twitter:image" content={url} />
    <meta name="twitter:image:alt" content={alt} />
  </>
);

/** The social preview of a metric (`/m/{id}`) or, with `null`, of the front page. */
export function socialImageUrl(origin: string, metricId: string | null, lang: string): string {
  return `${origin}/v1/${metricId === null ? '' : `metrics/${metricId}/`}social.png?lang=${lang}`;
}
