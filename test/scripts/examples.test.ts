/**
 * The README's example images (worker/render/examples/*.svg) are what the app answers at the URL
 * beside each: regenerated here as `npm run examples` would write them, and compared.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES_DIR, readmeExamples, renderExample, root } from '../../scripts/examples';

const examples = readmeExamples();

describe('the README’s example images', () => {
  it.each(examples)('$file is what $url answers', async (example) => {
    const committed = readFileSync(join(root, example.file), 'utf8');
    expect(committed, `${example.file} is stale: run npm run examples`).toBe(await renderExample(example));
  });

  it('has no image the README does not show', () => {
    const files = readdirSync(join(root, EXAMPLES_DIR)).map((name) => `${EXAMPLES_DIR}/${name}`);
    expect(files.sort(), `remove what the README does not name (npm run examples does)`).toEqual(
      examples.map((example) => example.file).sort(),
    );
  });
});
