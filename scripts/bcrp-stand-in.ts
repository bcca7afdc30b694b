/**
 * `npm run bcrp:stand-in -- [--port 8790] [--until YYYY-MM] [--fault CODE=KIND]`
 *
 * A local stand-in for BCRP's statistics API (test/stand-ins/bcrp.ts), for trying the live
 * refresh offline: start it, start the worker with `npm start -- --var
 * BCRP_API_BASE:http://127.0.0.1:8790`, then fire the Cron Trigger with
 * `curl http://127.0.0.1:8787/cdn-cgi/local/scheduled` and look at /v1/status.
 * `--until` is the last month it publishes (default: three months before this one);
 * `--fault PN38715BM=challenge` makes one series answer with a fault (see Fault).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { monthFromNumber, monthNumber } from '../data/derive';
import { standInAnswer, type Fault, type StandInOptions } from '../test/stand-ins/bcrp';

export interface StandIn {
  /** `http://127.0.0.1:<port>/estadisticas/series/api`: what BCRP_API_BASE takes. */
  base: string;
  /** Changes what it answers from now on. */
  set(options: StandInOptions): void;
  /** Requests answered, by path. */
  requests: string[];
  close(): Promise<void>;
}

const API_PATH = '/estadisticas/series/api';

export async function startStandIn(options: StandInOptions, port = 0): Promise<StandIn> {
  let current = options;
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = `http://127.0.0.1${req.url ?? '/'}`;
    requests.push(req.url ?? '/');
    const answer = standInAnswer(url, current);
    if (answer.hang) return; // never answers; the client's time limit ends it
    res.writeHead(answer.status, { 'Content-Type': 'text/html; charset=UTF-8', 'Cache-Control': 'no-store' });
    res.end(answer.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${bound}${API_PATH}`,
    set: (next) => (current = next),
    requests,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function parseArgs(argv: string[]): { port: number; options: StandInOptions } {
  const thisMonth = monthNumber(new Date().toISOString().slice(0, 7))!;
  let port = 8790;
  const options: StandInOptions = { until: monthFromNumber(thisMonth - 3), faults: {} };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--port' && value && /^\d+$/.test(value)) port = Number(argv[++i]);
    else if (flag === '--until' && value && monthNumber(value) !== null) options.until = argv[++i]!;
    else if (flag === '--fault' && value && /^[A-Z0-9*]+=[a-z-]+$/.test(value)) {
      const [code, kind] = argv[++i]!.split('=') as [string, Fault];
      options.faults![code] = kind;
    } else {
      throw new Error(`unknown or incomplete option ${flag ?? ''}: usage: --port N --until YYYY-MM --fault CODE=KIND`);
    }
  }
  return { port, options };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const { port, options } = parseArgs(process.argv.slice(2));
    const standIn = await startStandIn(options, port);
    console.log(`BCRP stand-in at ${standIn.base}, publishing up to ${options.until}`);
    console.log(`start the worker with: npm start -- --var BCRP_API_BASE:${standIn.base}`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  }
}
