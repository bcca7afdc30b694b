/**
 * Label normalisation for matching SUNAT's row labels and country names across years:
 * accents, case, spacing, punctuation and footnote marks ("Plomo 1/", "Estaño  2/") vary
 * from one sheet to the next, the meaning does not.
 */
export function normaliseLabel(label: string): string {
  return label
    .normalize('NFD')
    .replace(/\p{M}+/gu, '') // accents: "Agrícolas" → "Agricolas"
    .toLowerCase()
    .replace(/(^|\s|[.)])\d+\/(?=\s|$)/g, '$1 ') // footnote marks: "Plomo 1/", "III.Otros 5/"
    .replace(/[^a-z0-9]+/g, ' ') // punctuation and spacing: "Metal-Mecánica", "I.Productos"
    .trim();
}
