/**
 * The example images of the README's "Hotlink an image" table (worker/render/examples/*.svg):
 * each row names a file and the URL it shows, and the file holds exactly what the app answers
 * at that URL (Hono's `app.request` in Node: the bundled dataset, no live figures, no cache).
 * `npm run examples` writes them (write-examples.ts); test/scripts/examples.test.ts fails when a
 * committed file differs from what it would write.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { workerApp } from './openapi-document';

export const root = resolve(import.meta.dirname, '..');
/** Where the images live, relative to the repository root. */
export const EXAMPLES_DIR = 'worker/render/examples';

export interface Example {
  /** Path from the repository root, e.g. worker/render/examples/china-card-en.svg. */
  file: string;
  /** Path and query of the image, e.g. /v1/metrics/destination/CN/card.svg?lang=en. */
  url: string;
}

/** The README's rows `| ![alt](worker/render/examples/x.svg) | \`/v1/…\` |`, in order. */
export function readmeExamples(readme = readFileSync(join(root, 'README.md'), 'utf8')): Example[] {
  const row = /^\| !\[[^\]]*\]\((worker\/render\/examples\/[\w.-]+\.svg)\) \| `(\/v1\/[^`]+)` \|$/gm;
  const examples = [...readme.matchAll(row)].map(([, file, url]) => ({ file: file!, url: url! }));
  if (examples.length === 0) throw new Error(`README.md has no row naming an image under ${EXAMPLES_DIR}`);
  return examples;
}

/** What the app answers for an example's URL (an error image too: it answers 200). */
export async function renderExample(example: Example): Promise<string> {
  const res = await (await workerApp()).request(example.url);
  const type = res.headers.get('content-type') ?? '';
  if (res.status !== 200 || !type.startsWith('image/svg+xml'))
    throw new Error(`${example.url} answered ${res.status} ${type}, not an SVG image`);
  return res.text();
}
