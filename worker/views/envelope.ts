import type { Lang } from '../../data/types';
import { API_VERSION, datasetVersion } from '../version';

/** The fields every JSON body starts with: which API and dataset produced it, in which language. */
export function envelope(lang: Lang): { apiVersion: string; datasetVersion: string; lang: Lang } {
  return { apiVersion: API_VERSION, datasetVersion, lang };
}
