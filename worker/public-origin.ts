/**
 * The origin every absolute URL the service writes names (canonical, og:url, hreflang, the
 * oEmbed link and answer, every snippet): the `PUBLIC_ORIGIN` var when set, which a deploy sets
 * to its https address; the request's own only when it is unset (`npm start`). Built from the
 * request's Host and scheme, those URLs could be poisoned through any cache that does not key on
 * Host (oEmbed answers are cached for a day).
 */
import type { Context } from 'hono';
import type { AppEnv } from './env';

/** `https://host` (no path, no trailing slash). @throws when PUBLIC_ORIGIN is not a URL: a deploy to fix. */
export function publicOrigin(c: Context<AppEnv>): string {
  // No env at all where the app is called without one (app.request in Node).
  const configured = (c.env as Env | undefined)?.PUBLIC_ORIGIN;
  if (!configured) return new URL(c.req.url).origin;
  let url: URL;
  try {
    url = new URL(configured);
  } catch {
    throw new Error(`PUBLIC_ORIGIN must be an origin such as https://exports.example; it is ${JSON.stringify(configured)}`);
  }
  return url.origin;
}
