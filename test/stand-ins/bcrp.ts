/**
 * A stand-in for BCRP's statistics API, answering as the real one does (../shared/data/bcrp):
 * JSON sent as text/html, Spanish month names, values as decimal strings, one series per code,
 * a range past the last published month ending at that month. Pure (no Node APIs): worker tests
 * use it as a `fetch`, and scripts/bcrp-stand-in.ts serves it over HTTP (e2e, `npm start`).
 *
 * Its figures: BCRP's stored total (the bundled snapshot) up to 2025-11, then each month 8 %
 * above the same month a year earlier, up to `until`; the groups are fixed shares of the total.
 */
import { monthFromNumber, monthNumber } from '../../data/derive';
import { bundledSnapshot } from '../../data/index';

export type Fault = 'challenge' | 'server-error' | 'hang' | 'huge' | 'not-number' | 'gap' | 'empty' | 'implausible' | 'not-found';

export interface StandInOptions {
  /** The last month published (`YYYY-MM`). */
  until: string;
  /** Multiplies months' values (revisions): period → factor. */
  revise?: Record<string, number>;
  /** A fault per series code (or `*` for every code). */
  faults?: Record<string, Fault>;
}

const SHARES: Record<string, number> = { PN38714BM: 1, PN38715BM: 0.71, PN38716BM: 0.28, PN38717BM: 0.01 };
const NAMES = ['Ene', 'Feb', 'Mar', 'Abr', 'May', 'Jun', 'Jul', 'Ago', 'Sep', 'Oct', 'Nov', 'Dic'];

const stored = bundledSnapshot.metrics[0]!;
const storedStart = monthNumber(stored.start)!;

/** The total in US$ million for month number `n`. */
function totalMillions(n: number): number {
  const i = n - storedStart;
  if (i < stored.values.length) return stored.values[i]! / 1e6;
  return totalMillions(n - 12) * 1.08;
}

export interface StandInAnswer {
  status: number;
  body: string;
  /** Set for `hang`: the answer never comes. */
  hang?: boolean;
}

/** The answer to a request URL `…/api/{code}/json/{from}/{to}/{lang}`. */
export function standInAnswer(url: string, o: StandInOptions): StandInAnswer {
  const m = /\/([A-Z0-9]+)\/json\/(\d{4})-(\d{1,2})\/(\d{4})-(\d{1,2})\/(esp|ing)$/.exec(new URL(url).pathname);
  if (!m) return { status: 404, body: '<html><body>Not Found</body></html>' };
  const [, code, fy, fm, ty, tm] = m;
  const share = SHARES[code!];
  const fault = o.faults?.[code!] ?? o.faults?.['*'];
  if (share === undefined || fault === 'not-found') return { status: 404, body: '<html><body>Serie no encontrada</body></html>' };
  if (fault === 'challenge')
    return {
      status: 200,
      body: '<html><head><META NAME="robots" CONTENT="noindex,nofollow"><script src="/_Incapsula_Resource?SWJIYLWA=5074a744e2e3d891814e9a2dace20bd4"></script></head><body></body></html>',
    };
  if (fault === 'server-error') return { status: 503, body: '<html><body>Service Unavailable</body></html>' };
  if (fault === 'hang') return { status: 200, body: '', hang: true };

  const from = Math.max(Number(fy) * 12 + Number(fm) - 1, storedStart);
  const to = Math.min(Number(ty) * 12 + Number(tm) - 1, monthNumber(o.until)!);
  const periods: { name: string; values: string[] }[] = [];
  if (fault !== 'empty') {
    for (let n = from; n <= to; n++) {
      const period = monthFromNumber(n);
      let value = totalMillions(n) * share * (o.revise?.[period] ?? 1);
      if (fault === 'implausible' && n === to) value *= 40;
      let text = String(value);
      if (fault === 'not-number' && n === to) text = '7.123,45';
      if (fault === 'gap' && n === to - 2) text = 'n.d.';
      periods.push({ name: `${NAMES[n % 12]}.${Math.floor(n / 12)}`, values: [text] });
    }
  }
  const answer = {
    config: { title: 'Balanza comercial - valores FOB (millones US$)', series: [{ name: `Balanza comercial - ${code}`, dec: '1' }] },
    periods,
  };
  let body = JSON.stringify(answer);
  if (fault === 'huge') body += ' '.repeat(2 * 1024 * 1024);
  return { status: 200, body };
}

/** The stand-in as a `fetch` (worker tests). A `hang` answer waits for the request's abort. */
export function standInFetch(o: StandInOptions): typeof fetch {
  return ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const answer = standInAnswer(String(input instanceof Request ? input.url : input), o);
    if (answer.hang) {
      return new Promise<Response>((_, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
      });
    }
    return Promise.resolve(new Response(answer.body, { status: answer.status, headers: { 'Content-Type': 'text/html; charset=UTF-8' } }));
  }) as typeof fetch;
}
