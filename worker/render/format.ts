// Number and period formatting lives with the renderers it serves (@peru-exports/widgets/render),
// because the sparkline's description (shared with the widgets) needs it too. Re-exported here so
// worker code finds it beside the card.
export {
  formatChangePct,
  formatCompact,
  formatPeriod,
  formatUsd,
  periodLabel,
  spokenChange,
  spokenUsd,
} from '@peru-exports/widgets/render';
