import { fileURLToPath } from 'node:url';
import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { pngWorkerFetch } from './bench/png-rasteriser.ts';

/** Debian's Chromium; Playwright's own browser download does not work on our machines. */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking'];
/**
 * The widgets' package entries (`@peru-exports/widgets`, `…/define.js`, `…/render`; built to
 * widgets/dist) read from their sources, as tsconfig.json's `paths` do for tsc, tsx and
 * wrangler: tests import the package as its users do, and need no build.
 */
const widgetSource = (entry: string, file: string) => ({
  find: new RegExp(`^@peru-exports/widgets${entry.replace('.', '\\.')}$`),
  replacement: fileURLToPath(new URL(`./widgets/src/${file}`, import.meta.url)),
});
const widgetSources = [
  widgetSource('', 'index.ts'),
  widgetSource('/define.js', 'define.ts'),
  widgetSource('/render', 'render/index.ts'),
  widgetSource('/api-types', 'lib/api-types.ts'),
];

export default defineConfig({
  test: {
    // CI also writes a JSON report, from which .ci/run sums every suite.
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.ci/results/vitest.json' }]] : ['default'],
    projects: [
      {
        // Importer, dataset checks and the pure renderers: plain Node.
        resolve: { alias: widgetSources },
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/data/**/*.test.ts', 'test/render/**/*.test.ts', 'test/scripts/**/*.test.ts', 'test/png/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        // The worker, inside workerd, through its fetch handler.
        // The PNG worker's binding: its own request handler and rasteriser (the same wasm and
        // fonts), run in Node: Miniflare does not bundle a second worker's TypeScript.
        plugins: [
          cloudflareTest({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: { serviceBindings: { PNG: (request: Request) => pngWorkerFetch(request) } },
          }),
        ],
        // wrangler.toml's [alias] (zod without its other locales: worker/build/zod/index.ts),
        // which the plugin reads but does not apply, so the tests run the bundle's zod.
        resolve: {
          alias: [...widgetSources, { find: /^zod$/, replacement: fileURLToPath(new URL('./worker/build/zod/index.ts', import.meta.url)) }],
        },
        test: {
          name: 'worker',
          include: ['test/worker/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        // The Lit elements, in a real Chromium.
        resolve: { alias: widgetSources },
        test: {
          name: 'browser',
          include: ['test/widgets/**/*.test.ts'],
          // Waits (expect.poll) give the elements 3 s to render, under load too.
          expect: { poll: { timeout: 3_000 } },
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: chromium, args: chromiumArgs } }),
            instances: [{ browser: 'chromium' }],
          },
          testTimeout: 30_000,
        },
      },
      {
        // A local server and a news-article page driven end to end in Chromium.
        resolve: { alias: widgetSources },
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          // One local worker (wrangler dev) for every e2e file; its origin comes through inject().
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
