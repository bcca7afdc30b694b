/**
 * A metric's own page, `/m/{id}`: short enough to share, with the live card, the chart, the
 * data table (rendered here from the dataset, so it reads without JavaScript), the snippets,
 * social tags and oEmbed discovery.
 */
import type { FC } from 'hono/jsx';
import { raw } from 'hono/html';
import { BuilderOutput, builderQuery } from './builder';
import { STRINGS } from './i18n';
import { Document, type PageContext } from './layout';
import { DEFAULT_SPEC, metricPageUrl, previewHtml, type EmbedSpec, type EmbedText } from './snippets';
import { SocialImageTags, socialImageUrl } from './social-tags';
import type { MetricPageView, TableRow } from './view';

const Table: FC<{ caption: string; rows: TableRow[]; ctx: PageContext }> = ({ caption, rows, ctx }) => {
  const t = STRINGS[ctx.lang].metric;
  return (
    <div class="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.period}</th>
            <th scope="col">{t.value}</th>
            <th scope="col">{t.growth}</th>
            <th scope="col">
              <span class="visually-hidden">{STRINGS[ctx.lang].sources.notes}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">{r.period}</th>
              <td>{r.value}</td>
              <td>{r.growth}</td>
              <td>{r.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};

/**
 * The parameters a metric page reads: its language and its card's options (the metric is the
 * path's); `kind` too, which oEmbed reads from a page URL (embed-url.ts).
 */
export const METRIC_PAGE_PARAMS: readonly string[] = ['lang', 'kind', 'from', 'to', 'freq', 'theme', 'width', 'height'];

export interface MetricPageProps {
  ctx: PageContext;
  view: MetricPageView;
  /** Card spec of this page (metric, language; other options from the page's query). */
  spec: EmbedSpec;
  text: EmbedText;
}

export const MetricPage: FC<MetricPageProps> = ({ ctx, view, spec, text }) => {
  const s = STRINGS[ctx.lang];
  const t = s.metric;
  const canonical = metricPageUrl(ctx.origin, view.id, ctx.lang);
  const oembed = `${ctx.origin}/oembed?${new URLSearchParams({ url: canonical, format: 'json' }).toString()}`;
  const title = `${view.label} · ${s.siteName}`;
  // "Over time": the chart.svg of the whole series, with axes, its note and its source; kept
  // within the column by the stylesheet (max-width 100 %, height auto).
  const chart: EmbedSpec | null = view.chart && {
    ...DEFAULT_SPEC,
    kind: 'chart-image',
    metric: view.id,
    lang: ctx.lang,
    theme: 'auto',
    from: view.chart.from,
    width: 720,
    height: 360,
  };
  return (
    <Document
      ctx={ctx}
      title={title}
      description={t.description(view.label, view.facts[0]?.value ?? '', view.facts[0]?.label ?? '')}
      canonical={canonical}
      head={
        <>
          <meta property="og:type" content="article" />
          <meta property="og:site_name" content={s.siteName} />
          <meta property="og:title" content={view.label} />
          <meta property="og:description" content={view.summary} />
          <meta property="og:url" content={canonical} />
          <meta property="og:locale" content={s.ogLocale} />
          <SocialImageTags url={socialImageUrl(ctx.origin, view.id, ctx.lang)} alt={s.socialAlt(view.label)} />
          <meta name="twitter:title" content={view.label} />
          <meta name="twitter:description" content={view.summary} />
          <link rel="alternate" type="application/json+oembed" href={oembed} title={view.label} />
          <link rel="alternate" type="application/json" href={`/v1/metrics/${view.id}?lang=${ctx.lang}`} />
        </>
      }
    >
      <nav class="breadcrumb" aria-label={t.home}>
        <ol>
          <li>
            <a href={ctx.lang === 'es' ? '/' : '/?lang=en'}>{t.home}</a>
          </li>
          <li>
            <a href={`/v1/metrics/${view.id}?lang=${ctx.lang}`}>
              <code>{view.id}</code>
            </a>
          </li>
        </ol>
      </nav>
      <h1>{view.label}</h1>
      <div class="metric-top">
        {/* The page follows the reader's scheme (unless ?theme= asks); the snippets keep the spec's theme. */}
        <div class="card-slot">
          {raw(previewHtml({ ...spec, kind: 'card', theme: ctx.query.has('theme') ? spec.theme : 'auto' }, ctx.origin, text))}
        </div>
        <div>
          <dl class="facts">
            {view.facts.map((f) => (
              <div>
                <dt>{f.label}</dt>
                <dd>{f.value}</dd>
              </div>
            ))}
          </dl>
          {view.provisional !== null && <p class="note provisional">{view.provisional}</p>}
          {view.quote !== null && (
            <blockquote cite={view.source?.url} lang="en">
              <p>“{view.quote}”</p>
            </blockquote>
          )}
          {view.related !== null && (
            <p>
              <a href={metricPageUrl('', view.related.id, ctx.lang)}>{view.related.label}</a> ({view.related.id})
            </p>
          )}
        </div>
      </div>

      {chart && (
        <section aria-labelledby="chart-title">
          <h2 id="chart-title">{t.chart}</h2>
          <div class="figure">{raw(previewHtml(chart, ctx.origin, text))}</div>
        </section>
      )}

      <section aria-labelledby="data-title">
        <h2 id="data-title">{t.table}</h2>
        {view.annualRows.length > 0 && <Table caption={t.tableCaption(view.label)} rows={view.annualRows} ctx={ctx} />}
        {view.monthlyRows.length > 0 && (
          <details>
            <summary>{t.allMonths}</summary>
            <Table caption={t.monthsCaption(view.label)} rows={view.monthlyRows} ctx={ctx} />
          </details>
        )}
        {view.chart ? (
          <p>
            <a href={`/v1/metrics/${view.id}/series?lang=${ctx.lang}`}>JSON</a> · <a href={`/v1/metrics/${view.id}/series.csv`}>CSV</a>
          </p>
        ) : (
          <p>
            <a href={`/v1/metrics/${view.id}?lang=${ctx.lang}`}>JSON</a>
          </p>
        )}
      </section>

      <section aria-labelledby="embed-title">
        <h2 id="embed-title">{t.embed}</h2>
        <BuilderOutput
          lang={ctx.lang}
          origin={ctx.origin}
          view={{ spec, issues: [], text }}
          shareUrl={null}
          idPrefix="m"
          preview={false}
          pinned={ctx.pinned}
        />
        <p>
          <a href={`/?${builderQuery(spec, ctx.lang).toString()}#builder`}>{t.customise}</a>
        </p>
      </section>

      {view.source !== null && (
        <section aria-labelledby="source-title">
          <h2 id="source-title">{t.source}</h2>
          <p>
            <a href={view.source.url}>{view.source.title}</a> — {view.source.publisher}
          </p>
          <p>{view.source.definition}</p>
          {view.source.notes.length > 0 && (
            <ul>
              {view.source.notes.map((n) => (
                <li>{n}</li>
              ))}
            </ul>
          )}
        </section>
      )}
    </Document>
  );
};
