import type { Catalog } from '../catalog.js';

/** What `orgfit questionnaire` says. The reference catalog: every other language translates these ids. */
export default {
  // The welcome and the first two questions.
  'welcome-title': 'orgfit – how should the social service be organised?',
  'welcome': 'orgfit asks about your tasks, staff, users, setting and priorities, and ranks the ways of organising the social service by what the research says about services like yours. It takes about 15 minutes; every answer is saved as you go, and "don\'t know" is always allowed where the research can do without it.',
  'draft-at': 'Progress is saved in {path}.',
  'resume-from-draft': 'Continuing where you stopped ({answered} of {total} answered).',
  'draft-found': 'Unfinished answers were found in {path} ({answered} of {total} answered).',
  'draft-continue': 'Continue where I stopped',
  'draft-restart': 'Start again (the unfinished answers are replaced)',
  'from-file': 'Starting from the answers in {path}: you are asked the priorities and what was left as "don\'t know" ({count} questions).',
  'role-question': 'In which role are you answering?',
  'role-help': 'Written into the answers file, so that answers from several respondents can be told apart.',
  'role-leader': 'Leader',
  'role-frontline': 'Frontline staff',
  'role-user-representative': 'User representative',
  'role-politician': 'Politician',
  'role-consultant': 'Consultant',
  'municipality-question': 'What is the name of the municipality (or district, or office)?',
  'municipality-required': 'Write a name: it heads the result.',
  'text-too-long': 'At most {max} characters.',
  'intro-header': 'About you',
  'position': '{section} · {first} of {total}',
  'position-range': '{section} · {first}–{last} of {total}',
  'research': 'Research',

  // Key hints and what a prompt shows when done.
  'key-move': '↑↓ move',
  'key-tick': 'space tick',
  'key-enter': 'Enter next',
  'key-enter-order': 'Enter done',
  'key-enter-rank-dont-know': 'Enter without moving: don\'t know',
  'key-grab': 'space pick up',
  'key-drop': 'space put down',
  'key-fields': '↑↓ field',
  'key-dont-know': "v don't know",
  'key-dont-know-type': "v don't know",
  'key-help': '? help',
  'key-back': 'Ctrl-B/Esc back',
  'went-back': '(back)',
  'dont-know': "Don't know",
  'dont-know-short': '?',
  'none-chosen': 'none',
  'enter-gives': 'Enter: {value}',
  'yes': 'Yes',
  'no': 'No',

  // Numbers and shares.
  'number-invalid': 'Write a number from {min} to {max} (a decimal point or comma is fine).',
  'number-whole-invalid': 'Write a whole number from {min} to {max}.',
  'number-range': 'The answer must be between {min} and {max}.',
  'number-required': 'Write a number.',
  'number-range-hint': '({min}–{max} {unit})',
  'sum-line': 'Sum: {sum} of {total}',
  'sum-line-partial': 'Sum: {sum} of {total} (the shares left as "?" share the rest)',
  'sum-now': 'the sum is now {sum} of {total}',

  // The review screen.
  'review-title': 'Your answers',
  'review-question': 'Is this right?',
  'review-finish': 'Yes – save and show the result',
  'review-change': 'Change an answer …',
  'review-quit': 'Stop for now (the answers are kept in the draft)',
  'review-which': 'Which answer do you want to change?',
  'review-back-to-list': '← Back to the overview',

  // Writing the answers file.
  'out-exists': '{path} already exists. What should happen?',
  'out-overwrite': 'Replace it',
  'out-other': 'Save under another name',
  'out-name': 'File name for the answers:',
  'out-name-required': 'Write a file name.',
  'wrote-answers': 'The answers are saved in {path}.',
  'draft-removed': 'The draft {path} is removed.',
  'score-later': 'Score again at any time with: orgfit score {path}',

  // The result.
  'result-title': 'Result for {municipality}',
  'result-dont-know': { one: 'You answered "don\'t know" to {count} of {total} questions: orgfit has used its assumptions for it.', other: 'You answered "don\'t know" to {count} of {total} questions: orgfit has used its assumptions for them.' },
  'result-mostly-unknown': 'That is most of the questions: the ranking then mostly shows orgfit\'s assumptions, not your service.',
  'next-title': 'Next steps',
  'next-explain': 'The research behind a model\'s score: orgfit explain {id} {path}',
  'next-score': 'The ranking as a table or JSON: orgfit score {path} [--format json]',
  'next-second': 'Let a colleague answer the priorities, from your facts: orgfit questionnaire --from {path} --out {other}',

  // Stopping.
  'cancelled': 'Stopped. Your answers so far are saved in {path}.',
  'cancelled-resume': 'Continue with: {command}',
  'no-terminal': 'The questionnaire needs an interactive terminal (standard input and output must be a terminal, and CI must not be set). Without one: write an answers file with "orgfit template --out answers.yaml", fill it in, and rank the models with "orgfit score answers.yaml".',
  'no-draft': 'No unfinished answers in {path} to continue from. Start without --resume.',
  'bad-draft': 'The draft {path} cannot be read ({reason}). Move it away, or start again without --resume.',
} as const satisfies Catalog;
