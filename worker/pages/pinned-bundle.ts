/**
 * The current widget release for the pinned snippet: its versioned URL and SRI hash, read from
 * the `integrity.json` that the widget build writes beside the bundle (static assets, so the
 * snippet names the very file this deploy serves). Read once per isolate; null while it cannot
 * be read (no assets built), and then the snippets offer the alias only.
 */
import { version } from '../../widgets/package.json';
import type { BundleInfo } from '../../widgets/scripts/readme-blocks';
import type { PinnedBundle } from './snippets';

let current: PinnedBundle | undefined;

export async function pinnedBundle(assets: Fetcher): Promise<PinnedBundle | null> {
  if (current) return current;
  try {
    // The assets binding answers by path; the host is not looked at.
    const res = await assets.fetch(`https://assets.invalid/widgets/v${version}/integrity.json`);
    if (!res.ok) return null;
    const { file, integrity } = await res.json<BundleInfo>();
    current = { file, integrity };
    return current;
  } catch {
    return null;
  }
}
