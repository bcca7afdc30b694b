import { defineElement } from './lib/define-element';
import { PeruExportSparkline } from './peru-export-sparkline';

defineElement('peru-export-sparkline', PeruExportSparkline);
