/** Figures used across the renderer tests. */
import { formatChangePct, formatUsd } from '../../worker/render/format';
import type { CardData } from '../../worker/render/card';

/** Monthly exports 2024 (US$, rounded), the shape of a typical series. */
export const EXPORTS_2024 = [5.9e9, 6.1e9, 6.4e9, 5.8e9, 6.9e9, 7.3e9, 6.2e9, 6.0e9, 6.6e9, 7.0e9, 7.1e9, 7.4e9];

/** Peru's exports in 2024 (MINCETUR's headline figures, SUNAT-like monthly shape). */
export const TOTAL_2024: CardData = {
  label: 'Exportaciones totales',
  value: 74.7e9,
  formattedValue: formatUsd(74.7e9, 'es'),
  changePct: 15.6,
  formattedChange: formatChangePct(15.6, 'es'),
  period: '2024',
  sourceLine: 'Fuente: SUNAT, Cuadro G1 «Exportación definitiva según sector económico»; cifras de 2024 preliminares',
  points: EXPORTS_2024.map((value, i) => ({ period: `2024-${String(i + 1).padStart(2, '0')}`, value })),
};
