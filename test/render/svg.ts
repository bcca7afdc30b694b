/**
 * Test helpers: parse renderer output with a real XML parser and check what every image must
 * satisfy (well-formed, only known elements and attributes, nothing loaded from outside, every
 * coordinate inside its viewport).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';

export interface SvgNode {
  name: string;
  attrs: Record<string, string>;
  children: SvgNode[];
  /** Text directly inside this element (entities decoded). */
  text: string;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  preserveOrder: true,
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true,
});

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

function toNode(entry: Ordered): SvgNode {
  const name = Object.keys(entry).find((key) => key !== ':@')!;
  const content = (entry[name] as Ordered[]) ?? [];
  const node: SvgNode = { name, attrs: { ...entry[':@'] }, children: [], text: '' };
  for (const child of content) {
    if ('#text' in child) node.text += String(child['#text']);
    else node.children.push(toNode(child));
  }
  return node;
}

/** Expects well-formed XML (beyond what XMLValidator looks at) with one root, and returns it parsed to a tree. */
export function expectWellFormedSvg(svg: string): SvgNode {
  const valid = XMLValidator.validate(svg);
  expect(valid, JSON.stringify(valid)).toBe(true);
  // XMLValidator lets these through; an XML parser in a browser does not.
  // oxlint-disable-next-line no-control-regex -- the control characters XML 1.0 forbids
  expect(svg).not.toMatch(/[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/u);
  expect(svg).not.toMatch(/\p{Cs}/u);
  expect(svg).not.toMatch(/&(?!(?:amp|lt|gt|quot|#39);)/);
  const roots = (parser.parse(svg) as Ordered[]).filter((entry) => !('#text' in entry));
  expect(roots).toHaveLength(1);
  return toNode(roots[0]!);
}

export function walk(node: SvgNode, visit: (node: SvgNode, ancestors: SvgNode[]) => void, ancestors: SvgNode[] = []): void {
  visit(node, ancestors);
  for (const child of node.children) walk(child, visit, [...ancestors, node]);
}

export function findAll(root: SvgNode, name: string): SvgNode[] {
  const found: SvgNode[] = [];
  walk(root, (node) => {
    if (node.name === name) found.push(node);
  });
  return found;
}

/** Expects an element named `name` under `root` and returns the first one. */
export function expectElement(root: SvgNode, name: string): SvgNode {
  const [first] = findAll(root, name);
  expect(first, `<${name}> present`).toBeDefined();
  return first!;
}

const ELEMENTS = new Set(['svg', 'title', 'desc', 'style', 'rect', 'path', 'circle', 'text']);
const ATTRIBUTES = new Set([
  'xmlns',
  'id',
  'width',
  'height',
  'viewBox',
  'role',
  'aria-labelledby',
  'lang',
  'x',
  'y',
  'd',
  'cx',
  'cy',
  'r',
  'rx',
  'fill',
  'stroke',
  'stroke-width',
  'stroke-linejoin',
  'stroke-linecap',
  'stroke-dasharray',
  'fill-opacity',
  'class',
  'font-size',
  'font-weight',
  'font-family',
  'text-anchor',
]);

/**
 * Nothing but drawing: known elements and attributes only (so no script, no event handler, no
 * link, no foreignObject), and no reference to anything outside the document.
 */
export function expectSafe(root: SvgNode): void {
  walk(root, (node) => {
    expect(ELEMENTS, `element <${node.name}>`).toContain(node.name);
    for (const [name, value] of Object.entries(node.attrs)) {
      expect(ATTRIBUTES, `attribute ${name} on <${node.name}>`).toContain(name);
      expect(value).not.toMatch(/url\(|javascript:|@import|expression\(/i);
    }
    if (node.name === 'style') {
      expect(node.text).not.toMatch(/url\(|@import|<|\\/i);
      expect(node.text).toMatch(/^@media \(prefers-color-scheme:dark\)\{(#[\w-]+ \.[fs]-[a-z]{2}\{(fill|stroke):#[0-9a-f]{6}\})+\}$/);
    }
  });
}

/** Root accessibility: role img, labelled by its own title and desc. */
export function expectAccessible(root: SvgNode): { title: string; desc: string } {
  expect(root.name).toBe('svg');
  expect(root.attrs.role).toBe('img');
  const title = root.children.find((c) => c.name === 'title');
  const desc = root.children.find((c) => c.name === 'desc');
  expect(title).toBeDefined();
  expect(desc).toBeDefined();
  expect(root.attrs['aria-labelledby']).toBe(`${title!.attrs.id} ${desc!.attrs.id}`);
  // Ids unique within the document.
  const all: string[] = [];
  walk(root, (node) => {
    if (node.attrs.id !== undefined) all.push(node.attrs.id);
  });
  expect(new Set(all).size).toBe(all.length);
  return { title: title!.text, desc: desc!.text };
}

/** Absolute coordinates of a path's `d` (M, L, H, V, Z with implicit repeats: what the renderers write). */
export function pathPoints(d: string): { x: number; y: number }[] {
  const tokens = d.match(/[MLHVZ]|-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/gi) ?? [];
  expect(tokens.join('').length, `path uses only M L H V Z: ${d}`).toBeGreaterThan(0);
  expect(d.replace(/[MLHVZ]|-?\d+(?:\.\d+)?|\s/g, ''), `unexpected characters in ${d}`).toBe('');
  const points: { x: number; y: number }[] = [];
  let command = '';
  let x = 0;
  let y = 0;
  for (let i = 0; i < tokens.length;) {
    const token = tokens[i]!;
    if (/[MLHVZ]/.test(token)) {
      command = token === 'M' ? 'M' : token;
      i++;
      if (token === 'Z') continue;
    }
    if (command === 'M' || command === 'L') {
      x = Number(tokens[i]);
      y = Number(tokens[i + 1]);
      i += 2;
      if (command === 'M') command = 'L';
    } else if (command === 'H') {
      x = Number(tokens[i]);
      i += 1;
    } else if (command === 'V') {
      y = Number(tokens[i]);
      i += 1;
    } else throw new Error(`unexpected path data: ${d}`);
    expect(Number.isFinite(x) && Number.isFinite(y), d).toBe(true);
    points.push({ x, y });
  }
  return points;
}

/**
 * Every coordinate of every shape inside the viewport it is drawn in (the root viewBox, or a
 * nested `<svg>`'s own box), every number written with at most one decimal.
 */
export function expectInsideViewport(root: SvgNode): void {
  const [, , vw, vh] = root.attrs.viewBox!.split(' ').map(Number) as [number, number, number, number];
  const check = (node: SvgNode, w: number, h: number) => {
    for (const key of ['x', 'y', 'width', 'height', 'cx', 'cy', 'r']) {
      const value = node.attrs[key];
      if (value !== undefined) expect(value, `${key} of <${node.name}>`).toMatch(/^-?\d+(\.\d)?$/);
    }
    const n = (key: string) => Number(node.attrs[key] ?? 0);
    const inside = (x: number, y: number, what: string) => {
      expect(x, `${what} x in [0, ${w}]`).toBeGreaterThanOrEqual(0);
      expect(x, `${what} x in [0, ${w}]`).toBeLessThanOrEqual(w + 1e-9);
      expect(y, `${what} y in [0, ${h}]`).toBeGreaterThanOrEqual(0);
      expect(y, `${what} y in [0, ${h}]`).toBeLessThanOrEqual(h + 1e-9);
    };
    switch (node.name) {
      case 'rect':
        expect(n('width')).toBeGreaterThanOrEqual(0);
        expect(n('height')).toBeGreaterThanOrEqual(0);
        inside(n('x'), n('y'), 'rect');
        inside(n('x') + n('width'), n('y') + n('height'), 'rect end');
        break;
      case 'circle':
        inside(n('cx') - n('r'), n('cy') - n('r'), 'circle');
        inside(n('cx') + n('r'), n('cy') + n('r'), 'circle');
        break;
      case 'path':
        for (const point of pathPoints(node.attrs.d ?? '')) inside(point.x, point.y, 'path point');
        for (const number of (node.attrs.d ?? '').match(/-?\d+(\.\d+)?/g) ?? []) expect(number).toMatch(/^-?\d+(\.\d)?$/);
        break;
      case 'text':
        inside(n('x'), n('y'), 'text');
        break;
    }
    for (const child of node.children) {
      if (child.name === 'svg') {
        const x = Number(child.attrs.x);
        const y = Number(child.attrs.y);
        const cw = Number(child.attrs.width);
        const ch = Number(child.attrs.height);
        inside(x, y, 'nested svg');
        inside(x + cw, y + ch, 'nested svg end');
        check(child, cw, ch);
      } else check(child, w, h);
    }
  };
  check(root, vw, vh);
}

/** All checks every image must pass; returns the parsed tree. */
export function expectValidImage(svg: string): SvgNode {
  const root = expectWellFormedSvg(svg);
  expectSafe(root);
  expectAccessible(root);
  expectInsideViewport(root);
  expect(root.attrs.viewBox).toBe(`0 0 ${root.attrs.width} ${root.attrs.height}`);
  return root;
}

/** Size in bytes as served (UTF-8), without relying on Node's or the DOM's globals. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** A `<text>`'s box as drawn: measured with the renderers' width tables, placed by its anchor. */
export interface TextBox {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * The boxes of every `<text>` under `root` (font-size, font-weight and text-anchor read from the
 * element): from the baseline, 0.8 em up and 0.2 em down, as wide as `measure` says.
 */
export function textBoxes(root: SvgNode, measure: (text: string, fontSize: number, bold: boolean) => number): TextBox[] {
  return findAll(root, 'text').map((node) => {
    const size = Number(node.attrs['font-size']);
    const width = measure(node.text, size, node.attrs['font-weight'] === 'bold');
    const x = Number(node.attrs.x);
    const y = Number(node.attrs.y);
    const anchor = node.attrs['text-anchor'] ?? 'start';
    const left = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
    return { text: node.text, left, right: left + width, top: y - size * 0.8, bottom: y + size * 0.2 };
  });
}

/** Expects no two text boxes to overlap (touching is allowed). */
export function expectNoOverlap(boxes: readonly TextBox[]): void {
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      // Coordinates are written to a tenth of a pixel: a rounding apart is not an overlap.
      const e = 0.15;
      const apart = a.right <= b.left + e || b.right <= a.left + e || a.bottom <= b.top + e || b.bottom <= a.top + e;
      expect(
        apart,
        `"${a.text}" [${a.left}, ${a.right}]×[${a.top}, ${a.bottom}] overlaps "${b.text}" [${b.left}, ${b.right}]×[${b.top}, ${b.bottom}]`,
      ).toBe(true);
    }
  }
}
