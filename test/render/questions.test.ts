import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderQuestionsJson, renderQuestionsMarkdown, renderQuestionsYaml, type QuestionBank } from '../../src/render/questions.js';
import { plain } from '../../src/render/paint.js';
import { repoKb } from '../helpers/kb.js';

const kb = repoKb();
const bank: QuestionBank = { sections: kb.sections, questions: kb.questions, sums: kb.sums, notAsked: kb.notAsked! };
const options = (lang: 'nb' | 'en') => ({ lang, paint: plain, width: 80 });

describe('orgfit questions: the factors not asked are shown with why', () => {
  it('the bank records some', () => expect(kb.notAsked?.length).toBeGreaterThan(0));

  it.each(['nb', 'en'] as const)('Markdown (%s) ends with each factor, its lines and why', (lang) => {
    const text = renderQuestionsMarkdown(bank, options(lang));
    const section = text.slice(text.lastIndexOf('\n## '));
    for (const n of bank.notAsked!) {
      const line = section.split('\n').find((l) => l.includes(n.factor[lang]))!;
      expect(line, n.factor.en).toBeDefined();
      expect(line).toContain(n.lines.join(', '));
      expect(line).toContain(n.why[lang].slice(0, 30));
    }
  });

  it('JSON and YAML carry them, as the questions file holds them', () => {
    expect(JSON.parse(renderQuestionsJson(bank)).notAsked).toEqual(bank.notAsked);
    expect(parse(renderQuestionsYaml(bank)).notAsked).toEqual(bank.notAsked);
  });

  it('a bank without them prints no empty section', () => {
    const text = renderQuestionsMarkdown({ ...bank, notAsked: [] }, options('en'));
    expect(text).not.toContain('Not asked');
  });
});
