export { renderPdf } from './renderPdf.js';
export { renderPdfs, type RenderJob } from './renderPool.js';
export { loadTemplate, listTemplates, templateRoots, type Template } from './loadTemplate.js';
export { TemplateFile, BLOCKS } from './templateFile.js';
