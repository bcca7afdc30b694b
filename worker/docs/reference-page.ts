/**
 * The API reference page (`/docs`): one self-contained HTML page rendered from the OpenAPI
 * document, so it can never disagree with what the routes validate. No script, and nothing
 * loaded from elsewhere; its one inline stylesheet is allowed by hash (REFERENCE_CSS).
 * Pure: document in, HTML out.
 */
import { escapeXml as esc } from '@peru-exports/widgets/render';
import type { OpenApiDocument } from '../openapi';
import { PALETTE_CSS } from '../pages/palette-css';

type Json = Record<string, unknown>;

export const REFERENCE_CSS = `${PALETTE_CSS}
* { box-sizing: border-box; }
body { margin:0; color:var(--fg); background:var(--bg); font:1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main, header, footer { max-width:64rem; margin:0 auto; padding:0 1rem; }
a { color:var(--accent); }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size:.875em; }
code { background:var(--surface); padding:.1em .3em; border-radius:4px; }
pre { background:var(--surface); padding:.75rem 1rem; border-radius:6px; overflow-x:auto; }
pre code { background:none; padding:0; }
h1 { margin-bottom:.25rem; } h2 { margin-top:2.5rem; border-bottom:1px solid var(--border); padding-bottom:.25rem; }
h3 { margin-top:2rem; font-size:1.05rem; }
.muted { color:var(--muted); }
.method { display:inline-block; min-width:3.2rem; font-weight:700; color:var(--accent); }
.op { border:1px solid var(--border); border-radius:8px; padding:0 1rem 1rem; margin:1rem 0; }
table { border-collapse:collapse; width:100%; margin:.5rem 0; font-size:.9rem; }
th, td { text-align:left; vertical-align:top; padding:.35rem .5rem; border-bottom:1px solid var(--border); }
th { font-weight:600; }
nav > ul { columns: 2 22rem; padding-left:1.2rem; }
nav > ul > li { break-inside: avoid; }
`.trim();

/** Inline Markdown of our own descriptions: paragraphs, "- " lists, `code`, **bold**. Escaped first. */
function markdown(text: string | undefined): string {
  if (!text) return '';
  const inline = (s: string) =>
    esc(s)
      .replace(/`([^`]+)`/g, '<code>$1</code>')
      .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
  const out: string[] = [];
  let list: string[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length) out.push(`<p>${inline(para.join(' '))}</p>`);
    if (list.length) out.push(`<ul>${list.map((li) => `<li>${inline(li)}</li>`).join('')}</ul>`);
    para = [];
    list = [];
  };
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed) flush();
    else if (trimmed.startsWith('- ')) {
      if (para.length) flush();
      list.push(trimmed.slice(2));
    } else if (list.length && line.startsWith('  ')) list[list.length - 1] += ` ${trimmed}`;
    else {
      if (list.length) flush();
      para.push(trimmed);
    }
  }
  flush();
  return out.join('\n');
}

function refName(ref: string): string {
  return ref.replace('#/components/schemas/', '');
}

/** A schema in a few words: `string (pattern …)`, `number | null`, `array of SeriesPoint`, linked refs. */
export function schemaSummary(schema: unknown): string {
  if (!schema || typeof schema !== 'object') return 'any';
  const s = schema as Json;
  if (typeof s.$ref === 'string') {
    const name = refName(s.$ref);
    return `<a href="#schema-${esc(name)}">${esc(name)}</a>`;
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(s[key])) return (s[key] as unknown[]).map(schemaSummary).join(' | ');
  }
  if (Array.isArray(s.enum)) return `one of ${(s.enum as unknown[]).map((v) => `<code>${esc(JSON.stringify(v))}</code>`).join(', ')}`;
  if ('const' in s) return `<code>${esc(JSON.stringify(s.const))}</code>`;
  const types = Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === 'string' ? [s.type] : [];
  const parts = types.map((t) => (t === 'array' ? `array of ${schemaSummary(s.items)}` : esc(t)));
  let text = parts.join(' | ') || 'object';
  const facets: string[] = [];
  if (typeof s.pattern === 'string') facets.push(`pattern <code>${esc(s.pattern)}</code>`);
  if (typeof s.minimum === 'number') facets.push(`≥ ${s.minimum}`);
  if (typeof s.maximum === 'number') facets.push(`≤ ${s.maximum}`);
  if (facets.length) text += ` (${facets.join(', ')})`;
  return text;
}

interface Operation {
  method: string;
  path: string;
  op: Json;
}

function operations(doc: OpenApiDocument): Operation[] {
  const list: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of ['get', 'head', 'post', 'put', 'patch', 'delete'] as const) {
      const op = (item as Json)[method];
      if (op && typeof op === 'object') list.push({ method, path, op: op as Json });
    }
  }
  return list;
}

export function operationAnchor(method: string, path: string): string {
  return `op-${method}-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

/**
 * The operation's example request: its path with each path parameter's example, plus the
 * query in `x-example-query`. Every example is fetched by the tests and must answer 200.
 */
export function exampleUrl(path: string, op: Json): string {
  const params = Array.isArray(op.parameters) ? (op.parameters as Json[]) : [];
  let url = path;
  for (const param of params) {
    if (param.in !== 'path') continue;
    const example = (param.schema as Json | undefined)?.example ?? param.example;
    url = url.replace(`{${String(param.name)}}`, String(example ?? ''));
  }
  const query = typeof op['x-example-query'] === 'string' ? op['x-example-query'] : '';
  return query ? `${url}?${query}` : url;
}

function parametersTable(op: Json): string {
  const params = Array.isArray(op.parameters) ? (op.parameters as Json[]) : [];
  if (!params.length) return '<p class="muted">No parameters.</p>';
  const rows = params.map((param) => {
    const schema = param.schema as Json | undefined;
    const example = schema?.example ?? param.example;
    return `<tr><td><code>${esc(String(param.name))}</code></td><td>${esc(String(param.in))}${param.required ? ', required' : ''}</td><td>${schemaSummary(schema)}</td><td>${markdown(String(param.description ?? schema?.description ?? ''))}${example !== undefined ? `<div class="muted">e.g. <code>${esc(String(example))}</code></div>` : ''}</td></tr>`;
  });
  return `<table><thead><tr><th>Parameter</th><th>In</th><th>Accepts</th><th>Meaning</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function responsesTable(op: Json): string {
  const responses = (op.responses ?? {}) as Record<string, Json>;
  const rows = Object.entries(responses).map(([status, res]) => {
    const content = (res.content ?? {}) as Record<string, Json>;
    const bodies = Object.entries(content)
      .map(([type, media]) => `<code>${esc(type)}</code>: ${schemaSummary(media.schema)}`)
      .join('<br>');
    return `<tr><td>${esc(status)}</td><td>${esc(String(res.description ?? ''))}</td><td>${bodies}</td></tr>`;
  });
  return `<table><thead><tr><th>Status</th><th>Meaning</th><th>Body</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function operationSection({ method, path, op }: Operation): string {
  const example = exampleUrl(path, op);
  return `<section class="op" id="${operationAnchor(method, path)}">
<h3><span class="method">${method.toUpperCase()}</span> <code>${esc(path)}</code></h3>
<p><strong>${esc(String(op.summary ?? ''))}</strong></p>
${markdown(String(op.description ?? ''))}
<p>Example: <a href="${esc(example)}"><code>${esc(example)}</code></a></p>
<h4>Parameters</h4>
${parametersTable(op)}
<h4>Responses</h4>
${responsesTable(op)}
</section>`;
}

function schemaSection(name: string, schema: Json): string {
  const properties = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const rows = Object.entries(properties).map(
    ([prop, s]) =>
      `<tr><td><code>${esc(prop)}</code>${required.has(prop) ? '' : ' <span class="muted">(optional)</span>'}</td><td>${schemaSummary(s)}</td><td>${markdown(String(s.description ?? ''))}</td></tr>`,
  );
  return `<section id="schema-${esc(name)}"><h3>${esc(name)}</h3>${markdown(String(schema.description ?? ''))}
${rows.length ? `<table><thead><tr><th>Field</th><th>Type</th><th>Meaning</th></tr></thead><tbody>${rows.join('')}</tbody></table>` : `<p>${schemaSummary(schema)}</p>`}</section>`;
}

const CLIENT_SNIPPET = `import { hc } from 'hono/client';
import type { AppType } from '@peru-exports/client'; // npm install hono @peru-exports/client

const api = hc<AppType>('https://peru-exports.example');
const res = await api.v1.rankings.destinations.$get({ query: { year: '2024', limit: '5', lang: 'en' } });
const ranking = await res.json(); // typed: ranking.items[0].formattedValue …`;

export function renderApiReference(doc: OpenApiDocument): string {
  const ops = operations(doc);
  // Operations grouped by their first tag: the document's tags in order, then any other tag used.
  const firstTag = ({ op }: Operation) => (Array.isArray(op.tags) && typeof op.tags[0] === 'string' ? op.tags[0] : 'Other');
  const tags = [...new Set([...(doc.tags ?? []).map((t) => t.name), ...ops.map(firstTag)])];
  const groups = tags.map((tag): [string, Operation[]] => [tag, ops.filter((o) => firstTag(o) === tag)]);
  const schemas = Object.entries((doc.components?.schemas ?? {}) as Record<string, Json>);
  const problemTypes = (doc['x-problem-types'] ?? {}) as Record<string, string>;
  const datasetVersion = String(doc['x-dataset-version'] ?? '');

  const toc = groups
    .filter(([, list]) => list.length)
    .map(
      ([tag, list]) =>
        `<li>${esc(tag)}<ul>${list
          .map(
            ({ method, path, op }) =>
              `<li><a href="#${operationAnchor(method, path)}">${method.toUpperCase()} ${esc(path)}</a> <span class="muted">${esc(String(op.summary ?? ''))}</span></li>`,
          )
          .join('')}</ul></li>`,
    )
    .join('');

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)} — API reference</title>
<meta name="description" content="Every endpoint of the peru-exports API: parameters, responses, errors and examples.">
<style>${REFERENCE_CSS}</style>
</head>
<body>
<header>
<h1>${esc(doc.info.title)}</h1>
<p class="muted">API version ${esc(doc.info.version)} · dataset ${esc(datasetVersion)} · OpenAPI ${esc(doc.openapi)} document: <a href="/openapi.json">/openapi.json</a></p>
</header>
<main>
${markdown(doc.info.description)}
<nav aria-label="Endpoints"><h2>Endpoints</h2><ul>${toc}</ul></nav>
${groups
  .filter(([, list]) => list.length)
  .map(([tag, list]) => `<h2 id="tag-${esc(tag)}">${esc(tag)}</h2>\n${list.map(operationSection).join('\n')}`)
  .join('\n')}
<h2 id="problems">Errors</h2>
<p>Errors are <code>application/problem+json</code> (RFC 9457). The <code>type</code> of each problem points here.</p>
${Object.entries(problemTypes)
  .map(([id, text]) => `<section id="problem-${esc(id)}"><h3><code>${esc(id)}</code></h3>${markdown(text)}</section>`)
  .join('\n')}
<h2 id="client">Typed client</h2>
<p>The API's route types are a package of their own, <code>@peru-exports/client</code> (one self-contained declaration, types only; it needs only <code>hono</code>), so <code>hono/client</code> gives a typed client:</p>
<pre><code>${esc(CLIENT_SNIPPET)}</code></pre>
<h2 id="schemas">Schemas</h2>
${schemas.map(([name, schema]) => schemaSection(name, schema)).join('\n')}
</main>
<footer><p class="muted">Generated from the OpenAPI document the routes validate with.</p></footer>
</body>
</html>`;
}
