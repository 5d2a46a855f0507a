import { renderQuestionsJson, renderQuestionsMarkdown, renderQuestionsYaml, type QuestionBank } from '../questions.js';
import type { Registry } from '../renderer.js';

/** `orgfit questions --format …`: the question bank. */
export default { md: renderQuestionsMarkdown, yaml: renderQuestionsYaml, json: renderQuestionsJson } satisfies Registry<'questions', QuestionBank>;
