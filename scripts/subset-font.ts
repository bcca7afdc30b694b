/**
 * Writes worker-png/fonts/: DejaVu Sans (regular and bold) cut down to the characters our images
 * draw, and DejaVu's licence beside them. The PNG worker embeds these; resvg has no system fonts
 * in a Worker. Needs Debian's fonts-dejavu-core and python3-fonttools
 * (`apt-get install fonts-dejavu-core python3-fonttools`): `npx tsx scripts/subset-font.ts`.
 *
 * Why DejaVu Sans: it is one of the families the SVGs name (FONT_FAMILY), its licence is open
 * (Bitstream Vera's, plus public domain for DejaVu's changes), and the card's widths are measured
 * with Verdana's metrics, which DejaVu Sans exceeds by at most 1 % (worker/render/README.md).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SOURCE = process.env['DEJAVU_DIR'] ?? '/usr/share/fonts/truetype/dejavu';
const LICENCE = process.env['DEJAVU_LICENCE'] ?? '/usr/share/doc/fonts-dejavu-core/copyright';
const OUT = fileURLToPath(new URL('../worker-png/fonts/', import.meta.url));

/**
 * What the images draw: ASCII, Latin-1 and Latin Extended-A (Spanish, and the countries'
 * names), general punctuation (dashes, quotes, …, the narrow no-break space of Spanish
 * numbers), currency signs, arrows, minus, ≤ ≥, ▲ ▼ and ⚠.
 */
export const UNICODES =
  'U+0020-007E,U+00A0-017F,U+2010-2027,U+202F-203A,U+2044,U+20A0-20C0,U+2190-2193,U+2212,U+2264-2265,U+25B2,U+25BC,U+26A0';

export const FONTS = [
  ['DejaVuSans.ttf', 'DejaVuSans.subset.ttf'],
  ['DejaVuSans-Bold.ttf', 'DejaVuSans-Bold.subset.ttf'],
] as const;

mkdirSync(OUT, { recursive: true });
for (const [from, to] of FONTS) {
  execFileSync('/usr/bin/python3', [
    '-m',
    'fontTools.subset',
    `${SOURCE}/${from}`,
    `--unicodes=${UNICODES}`,
    '--layout-features=kern,liga',
    '--no-hinting',
    '--desubroutinize',
    '--name-IDs=*',
    `--output-file=${OUT}${to}`,
  ]);
}
copyFileSync(LICENCE, `${OUT}LICENSE.txt`);
console.log(`wrote ${FONTS.map(([, to]) => to).join(', ')} and LICENSE.txt to ${OUT}`);
