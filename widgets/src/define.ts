/**
 * Registers every element: `<peru-export-card>`, `<peru-export-sparkline>`,
 * `<peru-export-ranking>`. This is the entry of the CDN bundle (`peru-exports.js`). Tags that are
 * registered already (the script loaded twice, or another version of it) are left as they are.
 */
import './peru-export-card.define';
import './peru-export-ranking.define';
import './peru-export-sparkline.define';
