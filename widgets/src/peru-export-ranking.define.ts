import { defineElement } from './lib/define-element';
import { PeruExportRanking } from './peru-export-ranking';

defineElement('peru-export-ranking', PeruExportRanking);
