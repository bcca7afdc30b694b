import { Task, TaskStatus, initialState, shallowArrayEquals } from '@lit/task';
import { LitElement, html, type PropertyDeclarations } from 'lit';
import { fits, type Shape } from './api-shapes';
import { baseStyles } from './base.styles';
import { ApiError, fetchJson } from './fetch-json';
import { pageLang, STRINGS, type Lang, type Strings } from './i18n';
import { whenNearViewport } from './near-viewport';
import { numberAttribute } from './number-attribute';
import type { Theme } from '../render/theme';
import { themeStyles } from './theme.styles';

export type { Theme };

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
 * The body is typed as the caller expects; the element checks it against its `shape` before it
 * is drawn.
 */
export type Get = <R>(path: string, query?: Record<string, string | undefined>) => Promise<R>;

/** What the data depend on: whether to load at all (near the viewport, in the page, nothing handed over), language, API origin, then the element's own inputs. */
type Args = readonly [near: boolean, lang: Lang, api: string | undefined, ...inputs: unknown[]];

/** Data with the arguments they were loaded for: a run with the same arguments is a refresh of them. */
interface Loaded<T> {
  args: Args;
  data: T;
}

/** An attribute the element cannot use: says which, what it was, and what is allowed. */
export const invalidAttribute = (name: string, value: unknown, allowed: string) =>
  new ApiError(`Invalid ${name}="${String(value)}": use ${allowed}`);

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
  private _timer?: ReturnType<typeof setInterval>;
  /** The live refresh's period (ms) the timer runs at; 0: no timer. */
  private _period = 0;

  /**
   * The element's data, loaded once it is near the viewport and whenever an argument changes.
   * A run for the arguments of the data shown (a refresh) asks the server again, and keeps them
   * if it fails.
   */
  protected readonly task: Task<Args, Loaded<T>> = new Task(this, {
    args: () => this._args(),
    task: async (args, { signal }) => {
      if (!args[0]) return initialState;
      const shown = this._shown();
      try {
        return { args, data: await this._load(args, signal, !!shown) };
      } catch (error) {
        if (!shown || signal.aborted) throw error;
        // A failed refresh keeps what is shown; the event still tells the page.
        this._report(error, true);
        return shown;
      }
    },
    // Data kept by a failed refresh are no new load.
    onComplete: (loaded): unknown => loaded === this.task.value || emit(this, 'peru-export-load', { metric: this.subject() }),
    onError: (error) => this._report(error, false),
  });

  /** What the element shows, for events: a metric id or `rankings/{kind}`. */
  protected abstract subject(): string;
  /** The inputs that decide the data (task arguments). */
  protected abstract inputs(): unknown[];
  /** What `load` answers (and `provided` hands over) must look like to be drawn. */
  protected abstract readonly shape: Shape;
  protected abstract load(get: Get): Promise<T>;
  protected abstract renderData(data: T, lang: Lang, t: Strings): unknown;
  /** Placeholders laid out like the data, so nothing moves when the data arrive. */
  protected abstract renderSkeleton(): unknown;
  /** Data given directly (no fetch), e.g. the card handing its series to its sparkline. */
  protected provided(): T | undefined {
    return undefined;
  }

  constructor() {
    super();
    // Watched until it first comes near, wherever it is in the meantime.
    whenNearViewport(this, () => (this._near = true));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._fallback = hasFallback(this);
    this.requestUpdate(); // back in the page: see `_args` and `updated`
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.requestUpdate(); // see `_args` and `updated`
  }

  /** Live refresh while `live`, near the viewport and in the page; the timer restarts only for a new period. */
  protected override updated(): void {
    const period = this.live && this._near && this.isConnected ? numberAttribute(this.liveInterval, 10, 86_400, 300) * 1000 : 0;
    if (period !== this._period) {
      clearInterval(this._timer);
      this._period = period;
      if (period) this._timer = setInterval(() => document.hidden || this.refresh(), period);
    }
  }

  /**
   * Asks the API again now, with conditional requests. After an error this is a retry; data on
   * screen stay there while the request runs, and if it fails.
   */
  refresh(): void {
    if (this.task.status > TaskStatus.PENDING) void this.task.run();
  }

  protected override render(): unknown {
    const lang = pageLang(this);
    const t = STRINGS[lang];
    const fallback = this._fallback;
    const draw = (data: T) => html`<div part="base" class="base" lang=${lang}>${this.renderData(data, lang, t)}</div>`;
    const box = (
      failed?: boolean,
    ) => html`<div part="base" class="base ${fallback ? 'fallback' : failed ? 'failed' : 'loading'}" lang=${lang} aria-busy=${!failed}>
      <slot @slotchange=${this._onSlotChange} ?hidden=${!fallback}></slot>
      ${fallback ? '' : this.renderSkeleton()}
      ${
        failed
          ? html`<div part="error" class="error">
            <span>${t.error}</span>
            <button part="retry" @click=${this.refresh}>${t.retry}</button>
          </div>`
          : html`<span class="sr">${t.loading}</span>`
      }
    </div>`;
    // Data handed over directly (the card's series) that cannot be drawn: the error state.
    const provided = this.provided();
    if (provided) return fits(provided, this.shape) ? draw(provided) : box(true);
    return this.task.render({
      initial: box,
      // While a refresh runs, the data it refreshes stay; new arguments show the loading state.
      pending: () => {
        const shown = this._shown();
        return shown ? draw(shown.data) : box(false);
      },
      complete: (loaded) => draw(loaded.data),
      error: () => box(true),
    });
  }

  /**
   * The task's arguments. Out of the page, the element loads nothing: the run that says so
   * aborts a load under way (its request too, when no other element waits for it); back in the
   * page it loads again. An element moved in the DOM (out and straight back in) is updated only
   * once it is back, so it keeps its request.
   */
  private _args(): Args {
    return [this._near && this.isConnected && !this.provided(), pageLang(this), this.api, ...this.inputs()];
  }

  /** The data shown, if they were loaded for the arguments of now (a refresh of them). */
  private _shown(): Loaded<T> | undefined {
    const shown = this.task.value;
    return shown && shallowArrayEquals(shown.args, this._args()) ? shown : undefined;
  }

  private async _load([, lang, api]: Args, signal: AbortSignal, revalidate: boolean): Promise<T> {
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
      return fetchJson(`${base!.origin}${base!.pathname.replace(/\/+$/, '')}/v1/${path}?${params}`, signal, revalidate) as Promise<never>;
    });
    // A body the element cannot draw (another JSON API at `api`, a changed one) is an error here, not an exception in the page.
    if (!fits(data, this.shape)) throw new ApiError('Unexpected response: not the peru-exports API? Set api="…" to its origin');
    return data;
  }

  /** Light-DOM fallback content shows while nothing is drawn (Lit calls this with the element as `this`). */
  private _onSlotChange(): void {
    this._fallback = hasFallback(this);
  }

  private _report(error: unknown, stale: boolean): void {
    const { status = null, url = null, message } = (error ?? {}) as Partial<ApiError> & Error;
    emit(this, 'peru-export-error', { metric: this.subject(), status, message: message ?? String(error), url, stale });
  }
}
