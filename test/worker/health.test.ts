import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';

describe('worker smoke', () => {
  it('answers /healthz from inside workerd', async () => {
    const res = await SELF.fetch('https://example.com/healthz');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
  });
});
