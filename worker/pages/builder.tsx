/**
 * The embed builder: a plain GET form (it works without JavaScript: submitting it reloads the
 * page with the new preview) and its output — the preview, the snippets, a share link. The
 * site script swaps in `/builder/output?…` as the options change, the same markup as here.
 */
import type { FC } from 'hono/jsx';
import { raw } from 'hono/html';
import { STRINGS, type Lang } from './i18n';
import {
  DEFAULT_SPEC,
  EMBED_KINDS,
  FREQUENCIES,
  LANGS,
  RANKING_LIMIT,
  RANKING_KINDS,
  THEMES,
  parseEmbedSpec,
  previewHtml,
  snippets,
  specToQuery,
  type EmbedIssue,
  type EmbedSpec,
  type EmbedText,
  type PinnedBundle,
} from './snippets';

/**
 * In the builder's query, `lang` is the page's language, so the embed's language travels as
 * `elang`; everything else keeps the spec's names.
 */
export const EMBED_LANG_PARAM = 'elang';

/** Every parameter the builder's pages read (`/`, `/builder/output`): the spec's, `elang`, `lang`. */
export const BUILDER_PARAMS: readonly string[] = [...Object.keys(DEFAULT_SPEC).filter((name) => name !== 'lang'), EMBED_LANG_PARAM, 'lang'];

export function builderSpec(
  query: URLSearchParams,
  pageLang: Lang,
  isMetric: (id: string) => boolean,
): { spec: EmbedSpec; issues: EmbedIssue[] } {
  const fields: Record<string, string> = Object.fromEntries(query);
  delete fields['lang'];
  const embedLang = query.get(EMBED_LANG_PARAM);
  if (embedLang !== null) fields['lang'] = embedLang;
  const result = parseEmbedSpec(fields, isMetric, { ...DEFAULT_SPEC, lang: pageLang });
  for (const issue of result.issues) if (issue.param === 'lang') issue.param = EMBED_LANG_PARAM;
  return result;
}

/** The builder's query for a spec (what the share link and the address bar carry). */
export function builderQuery(spec: EmbedSpec, pageLang: Lang): URLSearchParams {
  const query = specToQuery(spec, { ...DEFAULT_SPEC, lang: pageLang });
  const embedLang = query.get('lang');
  query.delete('lang');
  if (embedLang !== null) query.set(EMBED_LANG_PARAM, embedLang);
  if (pageLang !== 'es') query.set('lang', pageLang);
  return query;
}

export interface BuilderView {
  spec: EmbedSpec;
  issues: EmbedIssue[];
  /** Title and figure of what the spec shows, in the embed's language. */
  text: EmbedText;
  /** The metric catalogue, for the searchable list. */
  metrics: { id: string; label: string }[];
  /** Years a ranking can be asked for, newest first. */
  years: string[];
}

export const BuilderForm: FC<{ lang: Lang; view: BuilderView }> = ({ lang, view }) => {
  const t = STRINGS[lang].builder;
  const { spec } = view;
  return (
    <form id="builder-form" class="builder-form" method="get" action="/#builder" data-output="/builder/output">
      {lang !== 'es' && <input type="hidden" name="lang" value={lang} />}
      <fieldset class="kinds">
        <legend>{t.kind}</legend>
        {EMBED_KINDS.map((kind) => (
          <label class="choice">
            <input type="radio" name="kind" value={kind} checked={spec.kind === kind} />
            {t.kinds[kind]}
          </label>
        ))}
      </fieldset>

      <div class="field metric-field">
        <label for="b-metric">{t.metric}</label>
        <input
          id="b-metric"
          name="metric"
          list="b-metrics"
          value={spec.metric}
          autocomplete="off"
          spellcheck={false}
          aria-describedby="b-metric-hint"
        />
        <p id="b-metric-hint" class="hint">
          {t.metricHint}
        </p>
        <datalist id="b-metrics">
          {view.metrics.map((m) => (
            <option value={m.id}>{m.label}</option>
          ))}
        </datalist>
      </div>

      <fieldset class="ranking-fields">
        <legend>{t.ranking}</legend>
        <div class="row">
          <div class="field">
            <label for="b-ranking">{t.rankingOf}</label>
            <select id="b-ranking" name="ranking">
              {RANKING_KINDS.map((r) => (
                <option value={r} selected={spec.ranking === r}>
                  {t.rankings[r]}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="b-year">{t.year}</label>
            <select id="b-year" name="year">
              <option value="" selected={spec.year === null}>
                {t.yearLatest}
              </option>
              {view.years.map((y) => (
                <option value={y} selected={spec.year === y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="b-limit">{t.limit}</label>
            <input
              id="b-limit"
              name="limit"
              type="number"
              inputmode="numeric"
              min={RANKING_LIMIT.min}
              max={RANKING_LIMIT.max}
              value={spec.limit ?? ''}
              placeholder="10"
            />
          </div>
        </div>
      </fieldset>

      <fieldset class="period-fields">
        <legend>{t.period}</legend>
        <div class="row">
          <div class="field">
            <label for="b-from">{t.from}</label>
            <input id="b-from" name="from" value={spec.from ?? ''} placeholder="2015" pattern="\d{4}(-\d{2})?" size={8} />
          </div>
          <div class="field">
            <label for="b-to">{t.to}</label>
            <input id="b-to" name="to" value={spec.to ?? ''} placeholder="2024-12" pattern="\d{4}(-\d{2})?" size={8} />
          </div>
          <div class="field">
            <label for="b-freq">{t.freq}</label>
            <select id="b-freq" name="freq">
              <option value="" selected={spec.freq === null}>
                {t.freqs.default}
              </option>
              {FREQUENCIES.map((f) => (
                <option value={f} selected={spec.freq === f}>
                  {t.freqs[f]}
                </option>
              ))}
            </select>
          </div>
        </div>
      </fieldset>

      <div class="row">
        <fieldset class="themes">
          <legend>{t.theme}</legend>
          {THEMES.map((theme) => (
            <label class="choice">
              <input type="radio" name="theme" value={theme} checked={spec.theme === theme} />
              {t.themes[theme]}
            </label>
          ))}
        </fieldset>
        <div class="field">
          <label for="b-lang">{t.language}</label>
          <select id="b-lang" name={EMBED_LANG_PARAM}>
            {LANGS.map((l) => (
              <option value={l} selected={spec.lang === l} lang={l}>
                {l === 'es' ? 'Español' : 'English'}
              </option>
            ))}
          </select>
        </div>
      </div>

      <fieldset class="size-fields">
        <legend>{t.size}</legend>
        <div class="row">
          <div class="field">
            <label for="b-width">{t.width}</label>
            <input
              id="b-width"
              name="width"
              type="number"
              inputmode="numeric"
              min={1}
              value={spec.width ?? ''}
              aria-describedby="b-size-hint"
            />
          </div>
          <div class="field height-field">
            <label for="b-height">{t.height}</label>
            <input
              id="b-height"
              name="height"
              type="number"
              inputmode="numeric"
              min={1}
              value={spec.height ?? ''}
              aria-describedby="b-size-hint"
            />
          </div>
        </div>
        <p id="b-size-hint" class="hint">
          {t.sizeHint}
        </p>
      </fieldset>

      <p>
        <button type="submit" class="update">
          {t.update}
        </button>
      </p>
    </form>
  );
};

export interface BuilderOutputProps {
  lang: Lang;
  origin: string;
  view: Pick<BuilderView, 'spec' | 'issues' | 'text'>;
  /** Where the share link points (the front page with this spec); null hides it. */
  shareUrl: string | null;
  /** Prefix for ids, so two outputs can share a page. */
  idPrefix?: string;
  /** Show the preview (the metric page shows its card above instead). */
  preview?: boolean;
  /** The current widget release, for the snippet pinned to it (none without). */
  pinned?: PinnedBundle | null;
}

/** Preview, snippets and share link for one spec. Also served alone at `/builder/output`. */
export const BuilderOutput: FC<BuilderOutputProps> = ({ lang, origin, view, shareUrl, idPrefix = 'b', preview = true, pinned = null }) => {
  const t = STRINGS[lang].builder;
  const { spec } = view;
  return (
    <div class="builder-output" data-kind={spec.kind}>
      {view.issues.length > 0 && (
        <div class="issues" role="status">
          <p>{t.issues}</p>
          <ul>
            {view.issues.map((issue) => (
              <li>
                <code>{issue.param}</code>: {issue.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {preview && (
        <section class="preview-section" aria-labelledby={`${idPrefix}-preview-title`}>
          <h3 id={`${idPrefix}-preview-title`}>{t.preview}</h3>
          <div class={`preview theme-${spec.theme}`} data-testid="preview">
            {raw(previewHtml(spec, origin, view.text))}
          </div>
        </section>
      )}
      <section class="snippets" aria-labelledby={`${idPrefix}-snippets-title`}>
        <h3 id={`${idPrefix}-snippets-title`}>{t.snippets}</h3>
        {snippets(spec, origin, view.text, pinned).map((snippet) => {
          const id = `${idPrefix}-snippet-${snippet.form}`;
          return (
            <div class="snippet" data-form={snippet.form}>
              <h4 id={`${id}-title`}>{t.forms[snippet.form].title}</h4>
              <p class="hint">{t.forms[snippet.form].hint}</p>
              <pre>
                <code id={id} aria-labelledby={`${id}-title`}>
                  {snippet.code}
                </code>
              </pre>
              <button type="button" class="copy" data-copy={id} data-copied={t.copied} data-failed={t.copyFailed}>
                {t.copy}
              </button>
            </div>
          );
        })}
        {shareUrl !== null && (
          <p class="share">
            <a href={shareUrl} data-share="">
              {t.share}
            </a>
          </p>
        )}
      </section>
    </div>
  );
};
