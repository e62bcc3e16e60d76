export { renderPdf } from './renderPdf.js';
export { loadTemplate, listTemplates, type Template } from './loadTemplate.js';
export { TemplateFile, BLOCKS } from './templateFile.js';
