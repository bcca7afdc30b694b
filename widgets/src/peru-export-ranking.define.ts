import { defineElement } from './lib/define-element';
import { PeruExportRanking } from './peru-export-ranking';

defineElement('peru-export-ranking', PeruExportRanking);

// The tag's type is declared where the tag is registered (importing the class registers nothing),
// so it is in this module's .d.ts: lit-analyzer reads a package one module deep, not counting
// modules that only import others, as define.js does.
declare global {
  interface HTMLElementTagNameMap {
    'peru-export-ranking': PeruExportRanking;
  }
}
