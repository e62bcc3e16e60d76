export { assembleBrief, type AssembleOptions } from './assembleBrief.js';
export { loadBrief, type BriefSpec, type LoadBriefOptions } from './loadBrief.js';
export { BriefFile, MARKINGS } from './briefFile.js';
export { MIN_EXCERPT_SCORE } from './selectExcerpts.js';
export { explainTheme, type ThemeExplanation } from './explainTheme.js';
export {
  queryStore,
  corpusInMemory,
  themeMatch,
  type BriefCorpus,
  type CorpusQuery,
} from './briefCorpus.js';
export { compareBriefs } from './compareBriefs.js';
