/**
 * The 27 member states of the European Union (since 1 February 2020, after the United
 * Kingdom left), as ISO 3166-1 alpha-2 codes. `destination/EU` is the sum of exactly these
 * destinations for every year, so the aggregate never jumps when membership changed
 * (Croatia joined in 2013, the UK left in 2020). Territories with an ISO code of their own
 * (Guadeloupe, Martinique, Réunion, French Guiana, Mayotte, Saint Martin, Greenland …) are
 * not included, because SUNAT reports them as separate destinations.
 */
export const EU27_MEMBERS = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
] as const;
