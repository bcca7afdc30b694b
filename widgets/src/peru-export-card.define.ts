import { defineElement } from './lib/define-element';
import { PeruExportCard } from './peru-export-card';
import './peru-export-sparkline.define';

defineElement('peru-export-card', PeruExportCard);

// The tag's type is declared where the tag is registered (importing the class registers nothing),
// so it is in this module's .d.ts: lit-analyzer reads a package one module deep, not counting
// modules that only import others, as define.js does.
declare global {
  interface HTMLElementTagNameMap {
    'peru-export-card': PeruExportCard;
  }
}
