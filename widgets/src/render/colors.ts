import { RenderOptionError } from './errors';

/**
 * The 148 named colours of CSS Color Module Level 4 §6.1 (`transparent` and
 * `currentcolor` are keywords, not named colours, and are not accepted here).
 * Kept as data so the renderers stay dependency-free; a test checks it against the
 * `color-name` package.
 */
export const CSS_NAMED_COLORS: readonly string[] = [
  'aliceblue',
  'antiquewhite',
  'aqua',
  'aquamarine',
  'azure',
  'beige',
  'bisque',
  'black',
  'blanchedalmond',
  'blue',
  'blueviolet',
  'brown',
  'burlywood',
  'cadetblue',
  'chartreuse',
  'chocolate',
  'coral',
  'cornflowerblue',
  'cornsilk',
  'crimson',
  'cyan',
  'darkblue',
  'darkcyan',
  'darkgoldenrod',
  'darkgray',
  'darkgreen',
  'darkgrey',
  'darkkhaki',
  'darkmagenta',
  'darkolivegreen',
  'darkorange',
  'darkorchid',
  'darkred',
  'darksalmon',
  'darkseagreen',
  'darkslateblue',
  'darkslategray',
  'darkslategrey',
  'darkturquoise',
  'darkviolet',
  'deeppink',
  'deepskyblue',
  'dimgray',
  'dimgrey',
  'dodgerblue',
  'firebrick',
  'floralwhite',
  'forestgreen',
  'fuchsia',
  'gainsboro',
  'ghostwhite',
  'gold',
  'goldenrod',
  'gray',
  'green',
  'greenyellow',
  'grey',
  'honeydew',
  'hotpink',
  'indianred',
  'indigo',
  'ivory',
  'khaki',
  'lavender',
  'lavenderblush',
  'lawngreen',
  'lemonchiffon',
  'lightblue',
  'lightcoral',
  'lightcyan',
  'lightgoldenrodyellow',
  'lightgray',
  'lightgreen',
  'lightgrey',
  'lightpink',
  'lightsalmon',
  'lightseagreen',
  'lightskyblue',
  'lightslategray',
  'lightslategrey',
  'lightsteelblue',
  'lightyellow',
  'lime',
  'limegreen',
  'linen',
  'magenta',
  'maroon',
  'mediumaquamarine',
  'mediumblue',
  'mediumorchid',
  'mediumpurple',
  'mediumseagreen',
  'mediumslateblue',
  'mediumspringgreen',
  'mediumturquoise',
  'mediumvioletred',
  'midnightblue',
  'mintcream',
  'mistyrose',
  'moccasin',
  'navajowhite',
  'navy',
  'oldlace',
  'olive',
  'olivedrab',
  'orange',
  'orangered',
  'orchid',
  'palegoldenrod',
  'palegreen',
  'paleturquoise',
  'palevioletred',
  'papayawhip',
  'peachpuff',
  'peru',
  'pink',
  'plum',
  'powderblue',
  'purple',
  'rebeccapurple',
  'red',
  'rosybrown',
  'royalblue',
  'saddlebrown',
  'salmon',
  'sandybrown',
  'seagreen',
  'seashell',
  'sienna',
  'silver',
  'skyblue',
  'slateblue',
  'slategray',
  'slategrey',
  'snow',
  'springgreen',
  'steelblue',
  'tan',
  'teal',
  'thistle',
  'tomato',
  'turquoise',
  'violet',
  'wheat',
  'white',
  'whitesmoke',
  'yellow',
  'yellowgreen',
];

const NAMED = new Set(CSS_NAMED_COLORS);
const HEX = /^#?([0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/** What {@link parseColor} accepts, in words (used in error messages and docs). */
export const ALLOWED_COLORS = 'a hex colour (#rgb, #rgba, #rrggbb or #rrggbbaa; the # may be left out) or a CSS colour name such as "teal"';

/** Whether `value` is a colour that {@link parseColor} accepts. */
export function isValidColor(value: string): boolean {
  return normalizeColor(value) !== null;
}

/**
 * A colour in the one canonical spelling the SVG will carry: lower-case `#hex` or a lower-case
 * CSS name. Nothing else can reach the markup, so a colour option can never break out of its
 * attribute or load anything (no `url(…)`, no `var(…)`).
 *
 * @param option the option's name, for the error.
 * @throws RenderOptionError for anything else.
 */
export function parseColor(value: string, option: string): string {
  const color = normalizeColor(value);
  if (color === null) throw new RenderOptionError(option, ALLOWED_COLORS, String(value));
  return color;
}

function normalizeColor(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim().toLowerCase();
  if (NAMED.has(text)) return text;
  const hex = HEX.exec(text);
  return hex ? `#${hex[1]}` : null;
}
