/**
 * BCRP's API adapter on the real answers others recorded (../shared/data/bcrp/recordings) and on
 * the edge cases the recordings do not hold: n.d., Set/Sep, the HTML challenge, an empty periods
 * list, a non-number, a time-out, a 5xx, a too-large body, and bounded retries.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { BcrpError, bcrpPeriod, bcrpSeriesUrl, parseBcrpAnswer, toMonthlySeries } from '../../data/bcrp/adapter';
import { fetchBcrpSeries } from '../../data/bcrp/fetch';
import { BCRP_SERIES } from '../../data/bcrp/series';
import { checkSnapshot } from '../../data/bcrp/snapshot';
import { standInFetch } from '../stand-ins/bcrp';

const recordings = resolve(import.meta.dirname, '../../../shared/data/bcrp/recordings');
const present = existsSync(recordings);
if (!present) console.warn(`skipping the BCRP recordings: none at ${recordings}`);
const recording = (name: string) => readFileSync(join(recordings, name), 'utf8');

const total = BCRP_SERIES[0]!;
const BASE = 'https://estadisticas.bcrp.gob.pe/estadisticas/series/api';

/** A monthly answer in BCRP's shape. */
function monthly(periods: [string, string][], series = ['Exportaciones']): string {
  return JSON.stringify({
    config: { title: 'Balanza comercial', series: series.map((name) => ({ name, dec: '1' })) },
    periods: periods.map(([name, value]) => ({ name, values: series.map(() => value) })),
  });
}

/** An error of that kind, caught. */
function kindOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof BcrpError) return `${err.kind}: ${err.message}`;
    throw err;
  }
  return 'no error';
}

describe.skipIf(!present)('BCRP recordings', () => {
  it('reads a real one-code daily answer (whitespace collapsed)', () => {
    const answer = parseBcrpAnswer(recording('daily-one-series.json'));
    expect(answer.series).toEqual(['Tipo de cambio - TC Sistema bancario SBS (S/ por US$) - Venta']);
    expect(answer.periods.map((p) => [p.period, p.values[0]])).toEqual([
      ['2026-08-24', 3.356],
      ['2026-08-25', 3.35],
      ['2026-08-26', 3.35],
      ['2026-08-27', 3.348],
      ['2026-08-28', 3.356],
    ]);
  });

  it('replays the HTTP recording: JSON sent as text/html, two series, September as Set, n.d. as null', () => {
    const cassette = parseYaml(recording('daily-two-series-with-nd.vcr.yml')) as {
      http_interactions: {
        request: { uri: string };
        response: { status: { code: number }; headers: Record<string, string[]>; body: { string: string } };
      }[];
    };
    const { request, response } = cassette.http_interactions[0]!;
    expect(request.uri).toBe(`${BASE}/PD04639PD-PD04640PD/json/2026-09-01/2026-09-08/ing`);
    expect(response.status.code).toBe(200);
    expect(response.headers['Content-Type']).toEqual(['text/html; charset=UTF-8']);
    const answer = parseBcrpAnswer(response.body.string);
    expect(answer.series).toHaveLength(2);
    expect(answer.periods.map((p) => p.period)).toEqual([
      '2026-09-01',
      '2026-09-02',
      '2026-09-03',
      '2026-09-04',
      '2026-09-07',
      '2026-09-08',
    ]);
    expect(answer.periods.at(-1)!.values).toEqual([null, null]);
    expect(answer.periods[0]!.values).toEqual([3.36, 3.368]);
    // The stored body alone is the same answer.
    expect(parseBcrpAnswer(recording('daily-two-series-with-nd.body.json'))).toEqual(answer);
    // Two series in one answer are not one series of ours.
    expect(kindOf(() => toMonthlySeries(answer, total))).toBe('series: PN38714BM: expected one series, the answer has 2');
  });

  it('turns a real monthly answer into a series: Sep.2024 … Ago.2026, values scaled to whole units', () => {
    const wrapped = JSON.parse(recording('monthly-one-series-wrapped.json')) as { response: unknown };
    const answer = parseBcrpAnswer(JSON.stringify(wrapped.response));
    const series = toMonthlySeries(answer, total);
    expect(series).toMatchObject({ id: 'bcrp/total', source: 'bcrp', unit: 'USD', frequency: 'monthly', start: '2024-09', parent: null });
    expect(series.values).toHaveLength(24);
    expect(series.values[0]).toBe(3_768_214); // "3.76821428571429" × 1 000 000, rounded
    expect(series.values.at(-1)).toBe(3_363_850);
  });
});

describe('period names', () => {
  it.each([
    ['Ene.2025', '2025-01'],
    ['Sep.2025', '2025-09'],
    ['Set.2025', '2025-09'],
    ['Dic.2025', '2025-12'],
    ['Aug.2025', '2025-08'],
    ['01.Set.26', '2026-09-01'],
    ['08.Sep.26', '2026-09-08'],
  ])('%s is %s', (name, period) => expect(bcrpPeriod(name)).toBe(period));

  it.each(['Foo.2025', '2025-01', 'Ene 2025', '32.Ene.26', 'ene.2025', ''])('%j is not a period', (name) =>
    expect(bcrpPeriod(name)).toBeNull(),
  );
});

describe('answers that are not usable', () => {
  it.each([
    [
      'the bot firewall\u2019s HTML challenge',
      '<html><head><script src="/_Incapsula_Resource?x"></script></head></html>',
      /^challenge: an HTML page instead of JSON/,
    ],
    ['not JSON', 'Service temporarily unavailable', /^not-json: the answer is not JSON: "Service temporarily unavailable"/],
    ['JSON of another shape', '{"error":"bad request"}', /^shape: the answer lacks config\.series or periods/],
    ['an unreadable period', monthly([['2025-01', '1.0']]), /^period: periods\[0\]: cannot read the period name "2025-01"/],
    [
      'a value that is not a number',
      monthly([['Ene.2025', '7.123,45']]),
      /^value: Ene\.2025: "7\.123,45" is neither a number nor "n\.d\."/,
    ],
    ['a number not sent as a string', monthly([['Ene.2025', '7']]).replace('["7"]', '[7]'), /^value: Ene\.2025: "7" is neither/],
  ])('%s', (_name, body, message) => expect(kindOf(() => parseBcrpAnswer(body))).toMatch(message));

  it.each([
    ['an empty periods list', monthly([]), /^empty: PN38714BM: no periods in the answer/],
    ['only n.d.', monthly([['Ene.2025', 'n.d.']]), /^empty: PN38714BM: every period is "n\.d\."/],
    [
      'months out of sequence',
      monthly([
        ['Ene.2025', '1'],
        ['Mar.2025', '2'],
      ]),
      /^period: PN38714BM: 2025-03 does not follow 2025-01/,
    ],
    ['days instead of months', monthly([['01.Ene.25', '1']]), /^period: PN38714BM: 2025-01-01 is not a month/],
  ])('%s', (_name, body, message) => expect(kindOf(() => toMonthlySeries(parseBcrpAnswer(body), total))).toMatch(message));

  it('drops a trailing n.d. (not published yet) but keeps a gap, which the snapshot check refuses', () => {
    const series = toMonthlySeries(
      parseBcrpAnswer(
        monthly([
          ['Nov.2025', '8663.05195014887'],
          ['Dic.2025', 'n.d.'],
          ['Ene.2026', '7000.5'],
          ['Feb.2026', 'n.d.'],
        ]),
      ),
      total,
    );
    expect(series).toMatchObject({ start: '2025-11', values: [8_663_051_950, null, 7_000_500_000] });
    expect(checkSnapshot([series], [total], null).problems).toEqual(['bcrp/total 2025-12: no value']);
  });
});

describe('request URLs', () => {
  it('asks for one code, months spelt YYYY-M, in Spanish', () => {
    expect(bcrpSeriesUrl(`${BASE}/`, 'PN38714BM', '2015-01', '2026-11')).toBe(`${BASE}/PN38714BM/json/2015-1/2026-11/esp`);
  });
  it('refuses what is not a code or a month', () => {
    expect(() => bcrpSeriesUrl(BASE, '../x', '2015-01', '2026-11')).toThrow(/not a BCRP series code/);
    expect(() => bcrpSeriesUrl(BASE, 'PN38714BM', '2015', '2026-11')).toThrow(/expected a month YYYY-MM/);
  });
});

describe('fetching', () => {
  const options = { base: BASE, from: '2015-01', to: '2026-11', backoffMs: 1 };

  it('reads a series from the stand-in, starting where the series starts and ending at the last published month', async () => {
    const series = await fetchBcrpSeries(total, { ...options, fetch: standInFetch({ until: '2026-03' }) });
    expect(series.start).toBe('2024-01');
    expect(series.values).toHaveLength(27);
  });

  it('gives up on a time-out, a 5xx and the challenge after its attempts, and not at once on a bad answer', async () => {
    const cases = [
      ['hang', 'timeout: PN38714BM: no complete answer within 50 ms', 2],
      ['server-error', `http: PN38714BM: HTTP 503 from ${BASE}/PN38714BM/json/2015-1/2026-11/esp`, 2],
      ['challenge', 'challenge', 2],
      ['not-number', 'value', 1],
      ['huge', 'too-large: the answer is over 1048576 bytes', 1],
    ] as const;
    for (const [fault, message, attempts] of cases) {
      let calls = 0;
      const standIn = standInFetch({ until: '2026-03', faults: { '*': fault } });
      const counted: typeof fetch = (input, init) => {
        calls++;
        return standIn(input, init);
      };
      const error = await fetchBcrpSeries(total, { ...options, fetch: counted, timeoutMs: 50, attempts: 2 }).catch((e: unknown) => e);
      expect(error, fault).toBeInstanceOf(BcrpError);
      expect(`${(error as BcrpError).kind}: ${(error as BcrpError).message}`, fault).toContain(message);
      expect(calls, fault).toBe(attempts);
    }
  });

  it('refuses a body whose declared length is over the limit without reading it', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const big: typeof fetch = () => Promise.resolve(new Response(body, { headers: { 'Content-Length': String(50 * 1024 * 1024) } }));
    const error = (await fetchBcrpSeries(total, { ...options, fetch: big, maxBytes: 4096 }).catch((e: unknown) => e)) as BcrpError;
    expect(error.kind).toBe('too-large');
    expect(error.message).toBe('the answer declares 52428800 bytes; at most 4096 are accepted');
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it('times out on a body that drips', async () => {
    const drip: typeof fetch = (_input, init) => {
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          await new Promise((r) => setTimeout(r, 20));
          if (init?.signal?.aborted) controller.error(new DOMException('aborted', 'AbortError'));
          else controller.enqueue(new TextEncoder().encode(' '));
        },
      });
      return Promise.resolve(new Response(body));
    };
    const error = (await fetchBcrpSeries(total, { ...options, fetch: drip, timeoutMs: 100, attempts: 1 }).catch(
      (e: unknown) => e,
    )) as BcrpError;
    expect(`${error.kind}: ${error.message}`).toBe('timeout: PN38714BM: no complete answer within 100 ms');
  });
});
