/** SUNAT's destination names → ISO 3166-1 alpha-2 codes and special ids. */
import countries from 'i18n-iso-countries';
import { describe, expect, it } from 'vitest';
import { resolveDestination, SPECIAL_DESTINATIONS, SUNAT_SPELLINGS } from '../../data/import/countries';
import { normaliseLabel } from '../../data/import/labels';

const code = (name: string) => {
  const d = resolveDestination(name);
  return d?.type === 'country' ? d.iso2 : d?.id;
};

describe('resolveDestination', () => {
  it.each([
    ['ESTADOS UNIDOS', 'US'],
    ['CHINA', 'CN'],
    ['COREA (SUR), REPUBLICA DE', 'KR'],
    ['COREA (NORTE),REPUBLICA', 'KP'],
    ['TAIWAN (FORMOSA)', 'TW'],
    ['ESPAÑA', 'ES'],
    ['ESPANA', 'ES'],
    ['ESPAÐA', 'ES'],
    ['PAISES BAJOS', 'NL'],
    ['REINO UNIDO', 'GB'],
    ['CONGO', 'CG'], // Spanish "Congo" is the Republic of the Congo
    ['REP. DEMOCRATICA DEL CONG', 'CD'],
    ['REPÚBLICA DEMOCRÁTICA DEL CONGO', 'CD'],
    ['CAIMAN,ISLAS', 'KY'], // inverted around the comma
    ['CAMERUN, REPUBLICA UNIDA', 'CM'],
    ['TANZANIA, REPUBLICA UNIDA DE', 'TZ'],
    ["COTE D'IVOIRE", 'CI'], // English name
    ['COSTA DE MARFIL', 'CI'],
    ['  japon ', 'JP'], // case and spacing
  ])('%s → %s', (name, iso2) => {
    expect(code(name)).toBe(iso2);
  });

  it('gives non-countries an id of their own', () => {
    expect(code('ZONAS FRANCAS DEL PERU')).toBe('destination/other-peru-free-zones');
    expect(code('AGUAS INTERNACIONALES')).toBe('destination/other-international-waters');
    expect(code('NO DECLARADOS')).toBe('destination/other-not-declared');
    expect(code('YUGOSLAVIA')).toBe('destination/other-yugoslavia');
  });

  it('returns null for an unknown name', () => {
    expect(resolveDestination('ATLANTIDA')).toBeNull();
    expect(resolveDestination('')).toBeNull();
  });

  it('labels countries from i18n-iso-countries', () => {
    expect(resolveDestination('ALEMANIA')).toEqual({
      type: 'country',
      id: 'destination/DE',
      iso2: 'DE',
      label: { es: 'Alemania', en: 'Germany' },
    });
  });
});

describe('tables', () => {
  it('SUNAT_SPELLINGS only names valid ISO codes', () => {
    for (const [name, iso2] of Object.entries(SUNAT_SPELLINGS)) expect(countries.isValid(iso2), name).toBe(true);
  });

  it('special ids are URL-safe and unique, and their names are no country', () => {
    const slugs = SPECIAL_DESTINATIONS.map((d) => d.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const d of SPECIAL_DESTINATIONS) {
      expect(d.slug).toMatch(/^other(-[a-z]+)+$/);
      for (const name of d.sunat) expect(countries.getSimpleAlpha2Code(name, 'es'), name).toBeUndefined();
    }
  });
});

describe('normaliseLabel', () => {
  it.each([
    ['Plomo 1/', 'plomo'],
    ['Estaño  2/', 'estano'],
    ['III.Otros 5/', 'iii otros'],
    ['I. Productos Tradicionales', 'i productos tradicionales'],
    ['Metal-Mecánica', 'metal mecanica'],
    ['Total (I+II+III)', 'total i ii iii'],
  ])('%s → %s', (label, normal) => {
    expect(normaliseLabel(label)).toBe(normal);
  });
});
