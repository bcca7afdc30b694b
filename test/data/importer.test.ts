/**
 * The importer on small workbooks written here: what it reads from a good one, and the
 * error it gives (naming file, sheet, row and value) for each kind of bad input, without
 * touching the files already in the output folder.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { annualValue } from '../../data/derive';
import { buildDataset, importDataset, OUTPUT_FILES, resolveInputs } from '../../data/import/import-dataset';
import type { DatasetFile, SeriesMetric } from '../../data/types';
import { committedFolder as committedOutput } from './fixtures/committed-folder';
import { g1Row, writeFixture, type FixtureOptions } from './fixtures/sunat-fixture';

const run = promisify(execFile);
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), `peru-exports-${prefix}-`));
  dirs.push(d);
  return d;
}

async function fixture(options: FixtureOptions = {}): Promise<string> {
  return writeFixture(tempDir('fixture'), options);
}

/** An output folder holding "committed" files, to check that a failed import leaves them. */
const committedFolder = () => committedOutput(tempDir('out'));

const sheet = (book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
  const ws = book.getWorksheet(name);
  if (!ws) throw new Error(`fixture has no sheet ${name}`);
  return ws;
};

const metric = (file: DatasetFile, id: string): SeriesMetric => {
  const m = file.metrics.find((x) => x.id === id);
  if (!m) throw new Error(`no metric ${id}`);
  return m;
};

describe('importer on a good workbook', () => {
  it('reads every G1 row, destinations with null for unlisted years, EU-27 and World Bank', async () => {
    const dir = await fixture();
    const notes: string[] = [];
    const { files, version } = await buildDataset(resolveInputs(dir), (l) => notes.push(l));
    expect(version).toMatch(/^[0-9a-f]{12}$/);

    const total = metric(files.g1, 'total');
    expect(total.values).toHaveLength(16); // 2005 (12 months) + 2006 (4)
    expect(total.start).toBe('2005-01');
    expect(total.preliminaryFrom).toBe('2024-01');
    expect(files.g1.metrics).toHaveLength(37);
    // The lead row carries a footnote mark ("Plomo 1/") and still matches product/lead.
    expect(metric(files.g1, 'product/lead').parent).toBe('sector/mining');

    // ESPAÑA (2005) and ESPANA (2006) are one series; ALEMANIA is listed in 2005 only.
    const es = metric(files.g6, 'destination/ES');
    expect(es.iso2).toBe('ES');
    expect(es.values.every((v) => v !== null)).toBe(true);
    const de = metric(files.g6, 'destination/DE');
    expect(de.values.slice(0, 12).every((v) => v !== null)).toBe(true);
    expect(de.values.slice(12)).toEqual([null, null, null, null]);
    // Listed with zeros is not missing.
    expect(metric(files.g6, 'destination/TW').values.every((v) => v === 0)).toBe(true);
    expect(metric(files.g6, 'destination/KR').label.en).toBe('South Korea');
    expect(metric(files.g6, 'destination/other-international-waters').iso2).toBeUndefined();

    // EU-27 is the sum of the members listed each month (ES, DE, FR here).
    const eu = metric(files.g6, 'destination/EU');
    eu.values.forEach((v, i) => {
      const parts = ['ES', 'DE', 'FR'].map((c) => metric(files.g6, `destination/${c}`).values[i] ?? 0);
      expect(v).toBe(parts.reduce((a, b) => a + b, 0));
    });
    expect(notes.join('\n')).toMatch(/EU-27 members never listed/);

    // Whole dollars.
    expect(metric(files.g6, 'destination/FR').values[0]).toBe(12_000_000);
    const wb = metric(files.worldbank, 'worldbank/total');
    expect(wb).toMatchObject({ frequency: 'annual', start: '2004', source: 'worldbank-wdi', kind: 'total' });
    expect(wb.values[0]).toBe(1_000_000_000);
    expect(annualValue(total, 2005)!.value! / wb.values[1]!).toBeCloseTo(1, 3);
  });

  it('accepts the data folder or its sunat folder', async () => {
    const dir = await fixture();
    expect(resolveInputs(join(dir, 'sunat'))).toEqual(resolveInputs(dir));
    expect(() => resolveInputs(tempDir('empty'))).toThrow(/not a data folder/);
  });

  it('reads BCRP\u2019s stored series as the bundled snapshot, in whole dollars, with its content hash', async () => {
    const built = await buildDataset(resolveInputs(await fixture()));
    expect(built.bcrp).toMatchObject({ source: 'bcrp', revisions: [], version: expect.stringMatching(/^[0-9a-f]{12}$/) });
    expect(built.bcrp.metrics.map((m) => [m.id, m.start, m.values.length, m.values[0], m.values[23]])).toEqual([
      ['bcrp/total', '2024-01', 24, 5_000_250_000, 7_300_250_000],
    ]);
  });

  it('writes every dataset file, and the same bytes twice', async () => {
    const dir = await fixture();
    const out = tempDir('out');
    const written = await importDataset(dir, out);
    expect(written.map((w) => w.path.slice(out.length + 1)).sort()).toEqual(Object.values(OUTPUT_FILES).sort());
    const first = Object.values(OUTPUT_FILES).map((n) => readFileSync(join(out, n), 'utf8'));
    await importDataset(dir, out);
    expect(Object.values(OUTPUT_FILES).map((n) => readFileSync(join(out, n), 'utf8'))).toEqual(first);
    // One series per line.
    const g6 = first[1]!.trimEnd().split('\n');
    const parsed = JSON.parse(first[1]!) as DatasetFile;
    expect(g6).toHaveLength(parsed.metrics.length + 2);
  });
});

describe('importer on bad input: a clear error, nothing written', () => {
  async function expectFailure(options: FixtureOptions, message: RegExp): Promise<void> {
    const dir = await fixture(options);
    const out = committedFolder();
    await expect(importDataset(dir, out.dir)).rejects.toThrow(message);
    out.untouched();
  }

  it('missing year sheet', async () => {
    await expectFailure(
      { years: [2005, 2006, 2007], editG1: (b) => b.removeWorksheet(sheet(b, '2006').id) },
      /^cdro_G1\.xlsx, sheet "2006": missing sheet "2006"; expected one sheet per year from 2005 to 2007/,
    );
  });

  it('renamed month column', async () => {
    await expectFailure(
      { editG6: (b) => (sheet(b, '2005').getCell('F6').value = 'Febr.') },
      /^cdro_G6\.xlsx, sheet "2005", row 6, column F: expected column "Febrero", found "Febr\."/,
    );
  });

  it('renamed label column', async () => {
    await expectFailure(
      { editG1: (b) => (sheet(b, '2006').getCell('E6').value = 'Sector') },
      /^cdro_G1\.xlsx, sheet "2006", row 6, column E: expected the label header "Sector Económico" left of "Enero", found "Sector"/,
    );
  });

  it('missing Total column', async () => {
    await expectFailure(
      { editG1: (b) => (sheet(b, '2005').getCell('R6').value = 'Suma') },
      /^cdro_G1\.xlsx, sheet "2005", row 6, column R: expected column "Total", found "Suma"/,
    );
  });

  it('non-number value', async () => {
    const row = g1Row('product/gold');
    await expectFailure(
      { editG1: (b) => (sheet(b, '2005').getCell(`H${row}`).value = 'n.d.') },
      new RegExp(`^cdro_G1\\.xlsx, sheet "2005", row ${row}, column H: "Oro", Marzo: expected a number, found "n\\.d\\."`),
    );
  });

  it('empty cell', async () => {
    await expectFailure(
      { editG6: (b) => (sheet(b, '2006').getCell('E11').value = null) },
      /^cdro_G6\.xlsx, sheet "2006", row 11, column E: "CHINA", Enero: expected a number, found \(empty\)/,
    );
  });

  it('unknown country name, with every other unknown name listed', async () => {
    await expectFailure(
      {
        editG6: (b) => {
          sheet(b, '2005').getCell('D12').value = 'ATLANTIDA';
          sheet(b, '2006').getCell('D11').value = 'EL DORADO';
        },
      },
      /^cdro_G6\.xlsx, sheet "2005", row 12: unknown destination "ATLANTIDA".*1 more unknown: "EL DORADO" \(sheet "2006", row 11\)/,
    );
  });

  it('two names for one country in a year', async () => {
    await expectFailure(
      { editG6: (b) => (sheet(b, '2005').getCell('D12').value = 'UNITED STATES') },
      /^cdro_G6\.xlsx, sheet "2005", row 12: "UNITED STATES" and "ESTADOS UNIDOS" \(row 10\) both map to destination\/US/,
    );
  });

  it('unknown sector label', async () => {
    const row = g1Row('sector/mining');
    await expectFailure(
      { editG1: (b) => (sheet(b, '2006').getCell(`D${row}`).value = 'Minerales') },
      new RegExp(
        `^cdro_G1\\.xlsx, sheet "2006", row ${row}, column D: unknown row label "Minerales" under "I\\. Productos Tradicionales"; known labels here: "Minero", "Pesquero tradicional"`,
      ),
    );
  });

  it('unknown product label under its sector', async () => {
    const row = g1Row('product/coffee');
    await expectFailure(
      { editG1: (b) => (sheet(b, '2005').getCell(`E${row}`).value = 'Cacao') },
      new RegExp(
        `row ${row}, column E: unknown row label "Cacao" under "Agrícola"; known labels here: "Algodón", "Azúcar", "Café", "Resto"`,
      ),
    );
  });

  it('a row whose months do not sum to its Total', async () => {
    const row = g1Row('product/zinc');
    await expectFailure(
      { editG1: (b) => (sheet(b, '2005').getCell(`R${row}`).value = 1) },
      new RegExp(`^cdro_G1\\.xlsx, sheet "2005", row ${row}, column R: "Zinc": months sum to [0-9.]+ but the Total column says 1\\.00`),
    );
  });

  it('parts that do not sum to their sector', async () => {
    const row = g1Row('product/copper');
    await expectFailure(
      {
        editG1: (b) => {
          const ws = sheet(b, '2005');
          const cell = ws.getCell(`F${row}`);
          cell.value = (cell.value as number) + 1000;
          const total = ws.getCell(`R${row}`);
          total.value = (total.value as number) + 1000;
        },
      },
      new RegExp(`^cdro_G1\\.xlsx, sheet "2005", row ${g1Row('sector/mining')}, column F: "Minero" is [0-9.]+ but its parts`),
    );
  });

  it('destinations that do not sum to "Total general"', async () => {
    await expectFailure(
      { editG6: (b) => (sheet(b, '2006').getCell('D14').value = null) }, // ends the ranking early
      /^cdro_G6\.xlsx, sheet "2006", row 9, column E: "Total general" is [0-9.]+ but the 4 destinations sum to/,
    );
  });

  it('a unit that is not US$ (checked against the World Bank)', async () => {
    await expectFailure(
      { editWorldBank: (csv) => csv.replace(/^(per,2005),(\d+)$/m, (_, head: string, v: string) => `${head},${Number(v) * 1000}`) },
      /^cdro_G1\.xlsx, sheet "2005": unit check failed/,
    );
  });

  it('a World Bank value that is not a number', async () => {
    await expectFailure(
      { editWorldBank: (csv) => csv.replace(/^per,2005,\d+$/m, 'per,2005,..') },
      /^wdi_peru_TX\.VAL\.MRCH\.CD\.WT_1960_2019\.csv, row 3: value: expected a number of US\$ million, found "\.\."/,
    );
  });

  it('a BCRP month out of sequence, a BCRP value that is not a number, an implausible BCRP month', async () => {
    const file = /^pn38714bm-exports-2024-01_2025-11\.csv/;
    await expectFailure(
      { editBcrp: (csv) => csv.replace(/^2024-03,/m, '2024-04,') },
      new RegExp(`${file.source}, row 4: period: expected 2024-03, found "2024-04"`),
    );
    await expectFailure(
      { editBcrp: (csv) => csv.replace(/^(2024-05),[\d.]+$/m, '$1,n.d.') },
      new RegExp(`${file.source}, row 6: value: expected US\\$ million, found "n\\.d\\."`),
    );
    await expectFailure(
      { editBcrp: (csv) => csv.replace(/^(2025-02),[\d.]+$/m, '$1,54000.5') },
      /bcrp\/total 2025-02: US\$ 54000\.5 million is implausible against the median of the year before/,
    );
  });

  it('missing workbook file', async () => {
    const dir = await fixture();
    rmSync(join(dir, 'sunat', 'cdro_G6.xlsx'));
    const out = committedFolder();
    await expect(importDataset(dir, out.dir)).rejects.toThrow(/^cdro_G6\.xlsx: file not found/);
    out.untouched();
  });
});

describe('npm run data:import', () => {
  it('exits non-zero with the error on stderr, leaving the output folder alone', async () => {
    const dir = await fixture({ editG6: (b) => (sheet(b, '2005').getCell('D12').value = 'ATLANTIDA') });
    const out = committedFolder();
    const result = await run('npx', ['tsx', 'data/import/cli.ts', dir, '--out', out.dir], { cwd: process.cwd() }).then(
      () => null,
      (err: { code: number; stderr: string }) => err,
    );
    expect(result?.code).toBe(1);
    expect(result?.stderr).toMatch(/import failed, nothing written: cdro_G6\.xlsx, sheet "2005", row 12: unknown destination "ATLANTIDA"/);
    out.untouched();
  });
});
