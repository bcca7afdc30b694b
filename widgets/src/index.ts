/**
 * The element classes and their types, without registering anything (no side effects): for
 * subclassing or defining under other tags. To register the elements, import
 * `@peru-exports/widgets/define.js` (all) or `@peru-exports/widgets/<element>/define.js`.
 */
export { PeruExportCard } from './peru-export-card';
export { PeruExportRanking, type RankingKind } from './peru-export-ranking';
export { PeruExportSparkline, type SparklineData } from './peru-export-sparkline';
export { PeruExportElement, type PeruExportErrorDetail, type PeruExportLoadDetail, type Theme } from './lib/peru-export-element';
export { MetricElement, type MetricData } from './lib/metric-element';
export { ApiError, clearCache } from './lib/fetch-json';
export { defineElement } from './lib/define-element';
export type * from './lib/api-types';
