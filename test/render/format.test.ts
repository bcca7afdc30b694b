import { describe, expect, it } from 'vitest';
import { formatChangePct, formatCompact, formatPeriod, formatUsd } from '../../worker/render/format';

// Exact ICU output as Node 22 (ICU 78) gives it; workerd ships the same CLDR data for es and en.
describe('formatting', () => {
  it('writes US dollars in words', () => {
    expect(formatUsd(74.7e9, 'es')).toBe('US$\u00a074,7 mil millones');
    expect(formatUsd(74.7e9, 'en')).toBe('US$74.7 billion');
    expect(formatUsd(6_429_674_714, 'es')).toBe('US$\u00a06,43 mil millones');
    expect(formatUsd(643e6, 'en')).toBe('US$643 million');
    expect(formatUsd(-3.2e9, 'en')).toBe('-US$3.2 billion');
    expect(formatUsd(1.2e12, 'es')).toBe('US$\u00a01,2 billones'); // a Spanish billón is 10¹²
  });

  it('writes changes in percent with a sign', () => {
    expect(formatChangePct(15.6, 'es')).toBe('+15,6\u00a0%');
    expect(formatChangePct(15.6, 'en')).toBe('+15.6%');
    expect(formatChangePct(-3.25, 'en')).toBe('-3.3%');
    expect(formatChangePct(0, 'es')).toBe('0\u00a0%');
  });

  it('keeps absurdly large numbers short', () => {
    expect(formatCompact(1e300, 'en')).toBe('1E300');
    expect(formatCompact(0.00412, 'es')).toBe('0,00412');
  });

  it('writes periods in words', () => {
    expect(formatPeriod('2024-01', 'es')).toBe('enero de 2024');
    expect(formatPeriod('2024-12', 'en')).toBe('December 2024');
    expect(formatPeriod('2024-09', 'es', 'short')).toBe('sept 2024');
    expect(formatPeriod('2019', 'en')).toBe('2019');
    expect(formatPeriod('2024-13', 'en')).toBe('2024-13');
  });
});
