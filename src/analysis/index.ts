export { scorePassage, type PassageScore, type TermContribution } from './scorePassage.js';
export { extractFacts, type ExtractedFact, type FactKind } from './extractFacts.js';
export {
  compileTheme,
  loadTaxonomy,
  loadTaxonomyWith,
  readTaxonomy,
  ThemeDefinition,
  type Theme,
  type ThemeTerm,
} from './themes.js';
export { ftsPhrase, matchTokens, tokenize, type Token } from './tokens.js';
export { documentMatchText, type MatchableDocument } from './matchText.js';
export { MATCH_KEYS_VERSION } from './language/version.js';
export * from './entities/index.js';
export {
  compileScope,
  inScope,
  scopeQueries,
  type Scope,
  type ScopeName,
  type ScopeSpec,
} from './scope.js';
