import type { BriefModel } from '../../model/index.js';
import type { Template } from '../loadTemplate.js';
import type { Styles } from '../styles.js';
import type { TemplateTexts } from '../templateTexts.js';

/** What every block of a template receives. Blocks return flowing content; pages are made by BriefDocument. */
export interface BlockProps {
  model: BriefModel;
  template: Template;
  texts: TemplateTexts;
  styles: Styles;
}
