import { defineElement } from './lib/define-element';
import { PeruExportCard } from './peru-export-card';
import './peru-export-sparkline.define';

defineElement('peru-export-card', PeruExportCard);
