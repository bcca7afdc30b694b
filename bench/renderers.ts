/**
 * Microbenchmark of the pure SVG renderers (time per call, many iterations, in this Node
 * process), with a typical input: 24 monthly points of a national total and a card for it.
 * A renderer that is not there yet is reported as such instead of failing the bench.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { renderSparkline } from '@peru-exports/widgets/render';
import type { RendererTiming } from './report';
import { repoRoot } from './workerd-harness';

type CardModule = typeof import('../worker/render/card');

/** Calls fn until both minimums are reached; returns microseconds per call. */
export function timeCalls(fn: () => unknown, { minIterations = 2_000, minMs = 1_000, warmup = 500 } = {}) {
  let sink = 0;
  for (let i = 0; i < warmup; i++) sink ^= String(fn()).length;
  let iterations = 0;
  const started = performance.now();
  let elapsed = 0;
  while (iterations < minIterations || elapsed < minMs) {
    for (let i = 0; i < 100; i++) sink ^= String(fn()).length;
    iterations += 100;
    elapsed = performance.now() - started;
  }
  if (sink === -1) console.log(sink); // keeps the calls observable to the optimiser
  return { microsPerCall: (elapsed * 1_000) / iterations, iterations };
}

/** 24 months, 2023-01 to 2024-12, of a series shaped like Peru's monthly total (US$ 5–7 bn). */
export function typicalPoints(): { period: string; value: number | null }[] {
  return Array.from({ length: 24 }, (_, i) => {
    const year = 2023 + Math.floor(i / 12);
    const month = (i % 12) + 1;
    const value = Math.round(5_200_000_000 + i * 60_000_000 + Math.sin(i * 1.3) * 450_000_000);
    return { period: `${year}-${String(month).padStart(2, '0')}`, value };
  });
}

async function load<T>(relativePath: string): Promise<T | null> {
  const file = join(repoRoot, relativePath);
  if (!existsSync(file)) return null;
  return (await import(file)) as T;
}

function measured(name: string, render: () => string): RendererTiming {
  const output = render();
  const { microsPerCall, iterations } = timeCalls(render);
  return { name, microsPerCall, iterations, outputBytes: Buffer.byteLength(output) };
}

function missing(name: string, note: string): RendererTiming {
  return { name, microsPerCall: null, iterations: 0, outputBytes: null, note };
}

export async function benchRenderers(): Promise<RendererTiming[]> {
  const points = typicalPoints();
  const timings: RendererTiming[] = [];

  timings.push(measured('renderSparkline (24 points, 120×32, line)', () => renderSparkline(points, { lang: 'es' })));

  const card = await load<CardModule>('worker/render/card.ts');
  timings.push(
    card
      ? measured('renderCard (24-point sparkline, 360 px)', () =>
          card.renderCard(
            {
              label: 'Exportaciones totales',
              value: 74_700_000_000,
              formattedValue: 'US$ 74,7 mil millones',
              changePct: 15.6,
              formattedChange: '+15,6 %',
              period: '2024',
              sourceLine: 'Fuente: SUNAT, Cuadro G1',
              points,
            },
            { lang: 'es' },
          ),
        )
      : missing('renderCard', 'worker/render/card.ts not there yet'),
  );
  return timings;
}
