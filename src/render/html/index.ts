export { renderHtml } from './renderHtml.js';
export { renderEmailHtml, renderEmailText, themeLines } from './emailBody.js';
export { escapeHtml, safeHref } from './markup.js';
