/**
 * `npm run examples`: writes worker/render/examples/*.svg, the README's example images, from what
 * the app answers at each row's URL (examples.ts), and removes images no row names.
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES_DIR, readmeExamples, renderExample, root } from './examples';

const examples = readmeExamples();
for (const example of examples) {
  writeFileSync(join(root, example.file), await renderExample(example));
  console.log(`${example.file} ← ${example.url}`);
}
const named = new Set(examples.map((example) => example.file));
for (const name of readdirSync(join(root, EXAMPLES_DIR))) {
  const file = `${EXAMPLES_DIR}/${name}`;
  if (name.endsWith('.svg') && !named.has(file)) {
    rmSync(join(root, file));
    console.log(`${file} removed: README.md does not show it`);
  }
}
