import { describe, expect, it } from 'vitest';
import { version } from '../../data/index';
import { API_VERSION, datasetVersion } from '../../worker/version';
import { expectJson } from './helpers';

describe('versions', () => {
  it('puts the API and dataset versions in every JSON body', async () => {
    expect(datasetVersion).toBe(version);
    for (const path of [
      '/v1/metrics',
      '/v1/metrics/total',
      '/v1/metrics/total/series',
      '/v1/rankings/sectors',
      '/v1/highlights',
      '/v1/sources',
    ]) {
      const { body } = await expectJson<{ apiVersion: string; datasetVersion: string; lang: string }>(path);
      expect(body, path).toMatchObject({ apiVersion: API_VERSION, datasetVersion: version, lang: 'es' });
    }
  });
});
