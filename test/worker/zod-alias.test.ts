/**
 * The worker's zod inside workerd is the bundle's (worker/build/zod/index.ts, through the
 * `worker` project's resolve.alias in vitest.config.ts, as wrangler.toml's [alias] does for the
 * bundle): English only, the compiler stubbed, and zod's English default messages unchanged.
 */
import { z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';

describe('zod in the worker', () => {
  it('is the aliased zod: only the English locale, the compiler left out', () => {
    expect(Object.keys(z.locales)).toEqual(['en']);
    expect(Object.keys(z.core.locales)).toEqual(['en']);
    expect(() => z.compile(z.string())).toThrow(/left out of the worker bundle/);
    expect(() => z.fromJSONSchema({ type: 'string' })).toThrow(/left out of the worker bundle/);
  });

  it('still answers in English by default, and with the schema’s own message when given', () => {
    const tooShort = z.string().min(1).safeParse('');
    expect(tooShort.error?.issues[0]?.message).toBe('Too small: expected string to have >=1 characters');
    const badEnum = z.enum(['es', 'en'], { error: 'es or en' }).safeParse('de');
    expect(badEnum.error?.issues[0]?.message).toBe('es or en');
    // The OpenAPI extension still applies to the aliased zod's schemas.
    expect(typeof z.string().openapi).toBe('function');
  });
});
