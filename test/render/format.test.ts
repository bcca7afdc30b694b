import { describe, expect, it } from 'vitest';
import { formatChangePct, formatCompact, formatPeriod, formatUsd, periodLabel, spokenChange, spokenUsd } from '../../worker/render/format';

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

  it('says US dollars in words for screen readers', () => {
    expect(spokenUsd(74.7e9, 'es')).toBe('74,7 mil millones de dólares');
    expect(spokenUsd(74.7e9, 'en')).toBe('74.7 billion US dollars');
    expect(spokenUsd(2.5e6, 'es')).toBe('2,5 millones de dólares');
    expect(spokenUsd(1e6, 'es')).toBe('1 millón de dólares');
    expect(spokenUsd(643e3, 'es')).toBe('643 mil dólares'); // no "de" after mil
    expect(spokenUsd(412, 'en')).toBe('412 US dollars');
  });

  it('says a change in words, against the period before', () => {
    expect(spokenChange(15.6, '2024-04', 'es')).toBe('15,6\u00a0% más que en abril de 2024');
    expect(spokenChange(15.6, '2023', 'en')).toBe('up 15.6% from 2023');
    expect(spokenChange(-3, '2023', 'en')).toBe('down 3% from 2023');
    expect(spokenChange(-3.25, '2023', 'es')).toBe('3,3\u00a0% menos que en 2023');
    expect(spokenChange(0, '2023', 'en')).toBe('unchanged from 2023');
    expect(spokenChange(0, '2023', 'es')).toBe('sin variación frente a 2023');
    expect(spokenChange(7, null, 'en')).toBe('up 7%');
    expect(spokenChange(7, null, 'es')).toBe('7\u00a0% más');
  });

  it('labels periods, with the months of a partial year', () => {
    expect(periodLabel('2025-04', 'es')).toBe('abril de 2025');
    expect(periodLabel('2025-04', 'en')).toBe('April 2025');
    expect(periodLabel('2024', 'es')).toBe('2024');
    expect(periodLabel('2025', 'es', 4)).toBe('2025 (4 meses)');
    expect(periodLabel('2025', 'en', 4)).toBe('2025 (4 months)');
    expect(periodLabel('2025', 'es', 1)).toBe('2025 (1 mes)');
    expect(periodLabel('2025', 'en', 1)).toBe('2025 (1 month)');
  });
});
