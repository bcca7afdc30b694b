import { Task, TaskStatus, initialState } from '@lit/task';
import { LitElement, html, type PropertyDeclarations, type PropertyValues } from 'lit';
import { baseStyles } from './base.styles';
import { ApiError, fetchJson } from './fetch-json';
import { pageLang, STRINGS, type Lang, type Strings } from './i18n';
import { whenNearViewport } from './near-viewport';
import { numberAttribute } from './number-attribute';
import { themeStyles } from './theme.styles';

export type Theme = 'light' | 'dark' | 'auto';

/** `peru-export-error`'s detail. */
export interface PeruExportErrorDetail {
  /** The metric id (or `rankings/{kind}`) the element shows. */
  metric: string;
  /** HTTP status, or null without an HTTP answer (network, CORS, invalid attribute, bad body). */
  status: number | null;
  message: string;
  /** The request that failed, or null when none was made. */
  url: string | null;
  /** True when a live refresh failed and the element keeps showing the data it had. */
  stale: boolean;
}

/** `peru-export-load`'s detail. */
export interface PeruExportLoadDetail {
  metric: string;
}

interface PeruExportEventMap {
  'peru-export-error': CustomEvent<PeruExportErrorDetail>;
  'peru-export-load': CustomEvent<PeruExportLoadDetail>;
}

// The events bubble out of shadow roots, so pages listen on elements, the document or the window.
declare global {
  interface HTMLElementEventMap extends PeruExportEventMap {}
  interface DocumentEventMap extends PeruExportEventMap {}
  interface WindowEventMap extends PeruExportEventMap {}
}

/**
 * Fetches API JSON for an element: the path under `/v1/` and the query (empty values left out).
 * The body is typed as the caller expects; the element checks it by drawing it (see `_load`).
 */
export type Get = <R>(path: string, query?: Record<string, string | undefined>) => Promise<R>;

/** An attribute the element cannot use: says which, what it was, and what is allowed. */
export const invalidAttribute = (name: string, value: unknown, allowed: string) =>
  new ApiError(`Invalid ${name}="${value}": use ${allowed}`);

const isAbort = (error: unknown) => (error as Error | undefined)?.name === 'AbortError';

/** Whether the page put fallback content (elements or text) inside the element. */
const hasFallback = (host: Element) =>
  [...host.childNodes].some((node) => node.nodeType === 1 || (node.nodeType === 3 && node.textContent!.trim()));

/** Events bubble and cross shadow roots, so a page can listen on any ancestor or on `document`. */
const emit = (target: Element, type: keyof HTMLElementEventMap, detail: object) =>
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));

/**
 * What the three elements share: the common attributes, lazy loading, data through `@lit/task`,
 * live refresh, the loading / error / fallback states and the events.
 *
 * @attr lang - `es` or `en`; default: the nearest `lang` attribute of the page, else Spanish.
 * @slot - Fallback content (e.g. `<img src="…/card.svg" alt="…">`): shown before the script runs, while loading and on error.
 * @fires {CustomEvent<PeruExportErrorDetail>} peru-export-error - Data could not be loaded (bubbles, composed). `detail`: `{ metric, status, message, url, stale }`.
 * @fires {CustomEvent<PeruExportLoadDetail>} peru-export-load - Data arrived and are shown (bubbles, composed). `detail`: `{ metric }`.
 * @csspart base - The element's box (card frame, sparkline box, ranking frame).
 * @csspart error - The error message with the retry button.
 * @csspart retry - The retry button.
 * @cssproperty [--peru-color-text=#1f2328] - Main text (dark theme: #f0f6fc).
 * @cssproperty [--peru-color-muted=#59636e] - Labels, periods, sources (dark: #9198a1).
 * @cssproperty [--peru-color-bg=#ffffff] - Background (dark: #0d1117).
 * @cssproperty [--peru-color-border=#d1d9e0] - Frame and button borders (dark: #3d444d).
 * @cssproperty [--peru-color-line=#0969da] - Sparkline, bars and focus ring (dark: #4493f8).
 * @cssproperty [--peru-color-positive=#1a7f37] - A rise (dark: #3fb950).
 * @cssproperty [--peru-color-negative=#cf222e] - A fall (dark: #f85149).
 * @cssproperty [--peru-font-family=system-ui, sans-serif] - Font of all text.
 * @cssproperty [--peru-font-size=16px] - Base font size; everything else scales with it.
 * @cssproperty [--peru-radius=6px] - Corner radius of frames and buttons.
 * @cssproperty [--peru-padding=16px] - Inner spacing of the card and ranking frames.
 */
export abstract class PeruExportElement<T> extends LitElement {
  static override styles = [themeStyles, baseStyles];

  // Declared without decorators: their runtime costs ~600 B gzipped of a 12 KB budget.
  static override properties: PropertyDeclarations = {
    api: {},
    theme: { reflect: true },
    live: { type: Boolean },
    liveInterval: { attribute: 'live-interval', type: Number },
    // Observes `lang` without replacing the native `lang` property: a change re-renders.
    _lang: { attribute: 'lang' },
    _near: { state: true },
    _fallback: { state: true },
  };

  /**
   * API origin (optionally with a path prefix). Default: the origin the script was loaded from.
   * @attr
   */
  api?: string;

  /**
   * `light`, `dark` or `auto` (default: follows `prefers-color-scheme`).
   * @attr
   */
  theme?: Theme;

  /**
   * Refresh every `live-interval` seconds with conditional requests; a failed refresh keeps the data shown.
   * @attr
   */
  live = false;

  /**
   * Seconds between live refreshes: 10 to 86 400 (a day); anything else that is not a positive number gives 300.
   * @attr live-interval
   */
  liveInterval = 300;

  private _lang?: string;
  /** Whether the element has come near the viewport (nothing is fetched before). */
  private _near = false;
  /** Whether the page put fallback content inside the element. */
  private _fallback = false;
  private _refreshing = false;
  private _kept = false;
  private _timer?: ReturnType<typeof setInterval>;
  private _unwatch?: () => void;

  /** The element's data, loaded once it is near the viewport and whenever its inputs change. */
  protected readonly task = new Task(this, {
    args: () => [this._near && !this.provided(), pageLang(this), this.api, this.inputs(), this._lang] as const,
    task: ([near, lang, api], { signal }) => (near ? this._load(lang, api, signal) : initialState),
    // A failed live refresh completes with the data kept: that is no new load.
    onComplete: () => (this._kept ? (this._kept = false) : emit(this, 'peru-export-load', { metric: this.subject() })),
    // Aborted by leaving the page, but back already (moved in the DOM): load again.
    onError: (error) => (isAbort(error) ? this.isConnected && void this.task.run() : this._report(error, false)),
  });

  /** What the element shows, for events: a metric id or `rankings/{kind}`. */
  protected abstract subject(): string;
  /** The inputs that decide the data, as one comparable string. */
  protected abstract inputs(): string;
  protected abstract load(get: Get): Promise<T>;
  protected abstract renderData(data: T, lang: Lang, t: Strings): unknown;
  /** Placeholders laid out like the data, so nothing moves when the data arrive. */
  protected abstract renderSkeleton(): unknown;
  /** Data given directly (no fetch), e.g. the card handing its series to its sparkline. */
  protected provided(): T | undefined {
    return undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._fallback = hasFallback(this);
    this._unwatch = whenNearViewport(this, () => {
      this._near = true;
      this._schedule();
    });
    this._schedule();
    // Taken out of the page while loading (which aborted the load) and put back: load again.
    if (isAbort(this.task.error)) void this.task.run();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._unwatch!();
    clearInterval(this._timer);
    // Not at once: an element moved in the DOM (out and straight back in) keeps its request.
    setTimeout(() => this.isConnected || this.task.abort());
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('live') || changed.has('liveInterval')) this._schedule();
  }

  /**
   * Asks the API again now, with conditional requests. After an error this is a retry; data on
   * screen stay there while the request runs, and if it fails.
   */
  refresh(): void {
    const { status } = this.task;
    if (status === TaskStatus.COMPLETE || status === TaskStatus.ERROR) {
      this._refreshing = status === TaskStatus.COMPLETE;
      void this.task.run();
    }
  }

  protected override render(): unknown {
    const lang = pageLang(this);
    const t = STRINGS[lang];
    const { status, value, error } = this.task;
    const data = this.provided() ?? (status === TaskStatus.COMPLETE || this._refreshing ? value : undefined);
    if (data) {
      try {
        return html`<div part="base" class="base" lang=${lang}>${this.renderData(data, lang, t)}</div>`;
      } catch {
        // Data handed over directly (the card's series) that cannot be drawn: the error state below.
      }
    }
    const failed = !!data || (status === TaskStatus.ERROR && !isAbort(error));
    const fallback = this._fallback;
    return html`<div part="base" class="base ${fallback ? 'fallback' : failed ? 'failed' : 'loading'}" lang=${lang} aria-busy=${!failed}>
      <slot @slotchange=${() => (this._fallback = hasFallback(this))} ?hidden=${!fallback}></slot>
      ${fallback ? '' : this.renderSkeleton()}
      ${failed
        ? html`<div part="error" class="error">
            <span>${t.error}</span>
            <button part="retry" @click=${this.refresh}>${t.retry}</button>
          </div>`
        : html`<span class="sr">${t.loading}</span>`}
    </div>`;
  }

  private async _load(lang: Lang, api: string | undefined, signal: AbortSignal): Promise<T> {
    const refresh = this._refreshing;
    try {
      let base: URL | undefined;
      try {
        // By default the origin the script came from, so the one-line snippet needs no configuration.
        // (Not `new URL('/', import.meta.url)`: bundlers rewrite that pattern as an asset.)
        base = api ? new URL(api, location.href) : new URL(new URL(import.meta.url).origin);
      } catch {
        // not a URL: said below
      }
      if (!/^https?:$/.test(base?.protocol ?? '')) throw invalidAttribute('api', api, 'an http(s) URL such as https://example.org');
      const data = await this.load((path, query) => {
        const params = new URLSearchParams();
        for (const [key, value] of Object.entries({ ...query, lang })) if (value) params.set(key, value);
        return fetchJson(`${base!.origin}${base!.pathname.replace(/\/+$/, '')}/v1/${path}?${params}`, signal, refresh) as Promise<never>;
      });
      // A body the element cannot draw (a changed or broken API) is an error here, not an exception in the page.
      try {
        this.renderData(data, lang, STRINGS[lang]);
      } catch (error) {
        throw new ApiError(`Unexpected response: ${(error as Error).message}`);
      }
      return data;
    } catch (error) {
      // A failed live refresh keeps what is shown; the event still tells the page.
      if (refresh && !signal.aborted) {
        this._report(error, true);
        this._kept = true;
        return this.task.value!;
      }
      throw error;
    } finally {
      this._refreshing = false;
    }
  }

  private _schedule(): void {
    clearInterval(this._timer);
    if (this.live && this._near && this.isConnected) {
      this._timer = setInterval(() => document.hidden || this.refresh(), numberAttribute(this.liveInterval, 10, 86_400, 300) * 1000);
    }
  }

  private _report(error: unknown, stale: boolean): void {
    if (isAbort(error)) return;
    const { status = null, url = null, message } = (error ?? {}) as Partial<ApiError> & Error;
    emit(this, 'peru-export-error', { metric: this.subject(), status, message: message ?? String(error), url, stale });
  }
}
