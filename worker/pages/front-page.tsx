/**
 * The front page: what the service is, the headline figures as live cards, the embed builder,
 * where the data come from, and the way to the API.
 */
import type { FC } from 'hono/jsx';
import { measureCard } from '../render/card';
import { BuilderForm, BuilderOutput, builderQuery, type BuilderView } from './builder';
import { STRINGS, type DifferFigures } from './i18n';
import { Document, type PageContext } from './layout';
import type { LatestView } from './latest';
import { SocialImageTags, socialImageUrl } from './social-tags';
import type { HighlightCardView, SourceView } from './view';

export interface FrontPageView {
  latest: LatestView | null;
  cards: HighlightCardView[];
  builder: BuilderView;
  sources: SourceView[];
  differ: DifferFigures | null;
}

/** The card's one box (the image's, the element's): its size is reserved before either loads. */
const CARD = measureCard();

/** A live card with its SVG image as light-DOM fallback (shown where the script cannot run). */
const HeadlineCard: FC<{ ctx: PageContext; card: HighlightCardView; eager?: boolean }> = ({ ctx, card, eager }) => (
  <peru-export-card metric={card.id} lang={ctx.lang} theme="auto">
    <a href={`/m/${card.id}${ctx.lang === 'en' ? '?lang=en' : ''}`}>
      <img
        src={`/v1/metrics/${card.id}/card.svg?theme=auto&lang=${ctx.lang}`}
        alt={card.alt}
        width={CARD.width}
        height={CARD.height}
        loading={eager ? 'eager' : 'lazy'}
      />
    </a>
  </peru-export-card>
);

/** The lead: the freshest official figures, as of their latest month, beside their live card. */
const LatestSection: FC<{ ctx: PageContext; view: LatestView }> = ({ ctx, view }) => {
  const t = STRINGS[ctx.lang].latest;
  return (
    <section id="latest" aria-labelledby="latest-title">
      <h2 id="latest-title">{t.title}</h2>
      <p>{t.lede}</p>
      <div class="latest">
        <HeadlineCard ctx={ctx} card={{ id: view.id, label: view.title, alt: view.alt }} eager />
        <dl class="figures">
          {view.figures.map((f) => (
            <>
              <dt>{f.label}</dt>
              <dd>
                <strong>{f.value}</strong>
                {f.change !== null && <span class="change"> {f.change}</span>}
              </dd>
            </>
          ))}
        </dl>
      </div>
      <p class="note">
        {t.asOf} {view.asOf}. {view.provisional} <a href="/v1/status">{t.status}</a> ·{' '}
        <a href={`/m/${view.id}${ctx.lang === 'en' ? '?lang=en' : ''}`}>{view.title}</a>
      </p>
    </section>
  );
};

export const SourcesSection: FC<{ ctx: PageContext; sources: SourceView[]; differ: DifferFigures | null }> = ({ ctx, sources, differ }) => {
  const t = STRINGS[ctx.lang].sources;
  return (
    <section id="sources" aria-labelledby="sources-title">
      <h2 id="sources-title">{t.title}</h2>
      <p>{t.lede}</p>
      <ul class="sources">
        {sources.map((s) => (
          <li class="source" id={`source-${s.id}`}>
            <h3>
              <a href={s.url}>{s.title}</a>
            </h3>
            <dl>
              <dt>{t.definition}</dt>
              <dd>{s.definition}</dd>
              <dt>{t.unit}</dt>
              <dd>{s.unit}</dd>
              <dt>{t.coverage}</dt>
              <dd>{s.coverage}</dd>
              {s.licence !== null && (
                <>
                  <dt>{t.licence}</dt>
                  <dd>{s.licence}</dd>
                </>
              )}
            </dl>
            {s.notes.length > 0 && (
              <details>
                <summary>{t.notes}</summary>
                <ul>
                  {s.notes.map((n) => (
                    <li>{n}</li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        ))}
      </ul>
      {differ !== null && (
        <div class="callout" id="differences">
          <h3>{t.differTitle}</h3>
          {t.differ(differ).map((p) => (
            <p>{p}</p>
          ))}
        </div>
      )}
      <div class="callout" id="preliminary">
        <h3>{t.preliminaryTitle}</h3>
        <p>{t.preliminary}</p>
      </div>
    </section>
  );
};

export const ApiSection: FC<{ ctx: PageContext }> = ({ ctx }) => {
  const t = STRINGS[ctx.lang].api;
  return (
    <section id="api" aria-labelledby="api-title">
      <h2 id="api-title">{t.title}</h2>
      <p>{t.lede}</p>
      <ul>
        <li>
          <a href="/docs">{t.reference}</a> (<code>/docs</code>)
        </li>
        <li>
          <a href="/openapi.json">{t.openapi}</a> (<code>/openapi.json</code>)
        </li>
        <li>
          <a href={`/v1/metrics?lang=${ctx.lang}`}>{t.catalogue}</a> (<code>/v1/metrics</code>)
        </li>
      </ul>
      <pre>
        <code>{`curl '${ctx.origin}/v1/metrics/destination/CN/series?from=2020&freq=annual&lang=${ctx.lang}'`}</code>
      </pre>
    </section>
  );
};

export const FrontPage: FC<{ ctx: PageContext; view: FrontPageView }> = ({ ctx, view }) => {
  const s = STRINGS[ctx.lang];
  const t = s.builder;
  const canonical = `${ctx.origin}/${ctx.lang === 'en' ? '?lang=en' : ''}`;
  const share = `/?${builderQuery(view.builder.spec, ctx.lang).toString()}#builder`;
  return (
    <Document
      ctx={ctx}
      title={`${s.siteName}: ${s.tagline}`}
      description={s.intro[0] ?? s.tagline}
      canonical={canonical}
      head={
        <>
          <meta property="og:type" content="website" />
          <meta property="og:site_name" content={s.siteName} />
          <meta property="og:title" content={s.siteName} />
          <meta property="og:description" content={s.intro[0] ?? s.tagline} />
          <meta property="og:url" content={canonical} />
          <meta property="og:locale" content={s.ogLocale} />
          <SocialImageTags url={socialImageUrl(ctx.origin, null, ctx.lang)} alt={s.socialAlt(s.siteName)} />
        </>
      }
    >
      <h1>{s.siteName}</h1>
      {s.intro.map((p, i) => (
        <p class={i === 0 ? 'lede' : undefined}>{p}</p>
      ))}

      {view.latest !== null && <LatestSection ctx={ctx} view={view.latest} />}

      <section id="highlights" aria-labelledby="highlights-title">
        <h2 id="highlights-title">{s.highlights.title}</h2>
        <p>{s.highlights.lede}</p>
        <div class="cards">
          {view.cards.map((card) => (
            <HeadlineCard ctx={ctx} card={card} />
          ))}
        </div>
        <p class="note">
          {s.highlights.sourceNote} <a href="#differences">{s.sources.differTitle}</a>
        </p>
      </section>

      <section id="builder" aria-labelledby="builder-title">
        <h2 id="builder-title">{t.title}</h2>
        <p>{t.lede}</p>
        <div class="builder">
          <BuilderForm lang={ctx.lang} view={view.builder} />
          <div id="builder-output">
            <BuilderOutput lang={ctx.lang} origin={ctx.origin} view={view.builder} shareUrl={share} pinned={ctx.pinned} />
          </div>
        </div>
        <p id="builder-status" class="visually-hidden" role="status" data-updated={t.updated} data-failed={t.updateFailed}></p>
      </section>

      <SourcesSection ctx={ctx} sources={view.sources} differ={view.differ} />
      <ApiSection ctx={ctx} />
    </Document>
  );
};
