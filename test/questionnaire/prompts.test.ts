import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../src/questionnaire/numbers.js';
import { choicePrompt, numberPrompt, rankPrompt, readNumber, sumPrompt, textPrompt } from '../../src/questionnaire/prompts.js';

const frame = { lang: 'nb' as const, color: false, header: 'De ansatte · 6 av 23', message: 'Hvor mange årsverk?', help: 'Hvorfor vi spør.', fullHelp: 'Hele hjelpeteksten. Forskningen: Fehn 1994', canGoBack: true };
const scale = [1, 2, 3, 4, 5].map((n) => ({ value: n, label: String(n) }));

describe('numbers as respondents type them', () => {
  it.each([
    ['12,5', 12.5],
    ['12.5', 12.5],
    [' 60 % ', 60],
    ['1 200', 1200],
    ['−3', -3],
    ['12,', undefined],
    ['tolv', undefined],
    ['1e3', undefined],
    ['', undefined],
  ])('%j is %j', (text, value) => expect(parseNumber(text)).toBe(value));

  it('says in bokmål what is wrong, and "vet ikke" is an answer where allowed', () => {
    const config = { lang: 'nb' as const, min: 1, max: 2000, integer: true, dontKnow: true };
    expect(readNumber('12,5', config)).toEqual({ error: 'Skriv et helt tall fra 1 til 2000.' });
    expect(readNumber('0', config)).toEqual({ error: 'Svaret må være mellom 1 og 2000.' });
    expect(readNumber('Vet ikke', config)).toEqual({ value: 'dont-know' });
    expect(readNumber('vet ikke', { ...config, dontKnow: false })).toEqual({ error: 'Skriv et helt tall fra 1 til 2000.' });
    expect(readNumber('12,5', { ...config, integer: false, max: 100, min: 0 })).toEqual({ value: 12.5 });
    expect(readNumber('abc', { ...config, lang: 'en', integer: false })).toEqual({ error: 'Write a number from 1 to 2000 (a decimal point or comma is fine).' });
  });
});

describe('the choice prompt', () => {
  it('starts on "Vet ikke" when that is the default, and Enter gives it', async () => {
    const { answer, events, getScreen } = await render(choicePrompt, { ...frame, choices: scale, dontKnow: true, default: 'dont-know' });
    expect(getScreen()).toContain('❯ Vet ikke');
    expect(getScreen()).toContain('De ansatte · 6 av 23');
    expect(getScreen()).toContain('Hvorfor vi spør.');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'value', value: 'dont-know' });
  });

  it('moves with the arrows and a number key, and keeps the earlier answer as the start', async () => {
    const { answer, events, getScreen } = await render(choicePrompt, { ...frame, choices: scale, dontKnow: true, default: 4 });
    expect(getScreen()).toContain('❯ 4');
    events.keypress('up');
    events.keypress('up');
    expect(getScreen()).toContain('❯ 2');
    events.type('5');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'value', value: 5 });
  });

  it('Ctrl-B goes back, and so does Esc', async () => {
    const a = await render(choicePrompt, { ...frame, choices: scale, dontKnow: true });
    a.events.keypress({ name: 'b', ctrl: true });
    await expect(a.answer).resolves.toEqual({ kind: 'back' });
    const b = await render(choicePrompt, { ...frame, choices: scale, dontKnow: true });
    b.events.keypress('escape');
    await expect(b.answer).resolves.toEqual({ kind: 'back' });
  });

  it('cannot go back from the first screen, and says no key for it', async () => {
    const { answer, events, getScreen } = await render(choicePrompt, { ...frame, canGoBack: false, choices: scale, dontKnow: false, default: 1 });
    expect(getScreen()).not.toContain('tilbake');
    expect(getScreen()).not.toContain('Vet ikke');
    events.keypress({ name: 'b', ctrl: true });
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'value', value: 1 });
  });

  it('? shows the full help with its research, and hides it again', async () => {
    const { answer, events, getScreen } = await render(choicePrompt, { ...frame, choices: scale, dontKnow: true });
    expect(getScreen()).not.toContain('Fehn 1994');
    events.type('?');
    expect(getScreen()).toContain('Hele hjelpeteksten. Forskningen: Fehn 1994');
    events.type('?');
    expect(getScreen()).not.toContain('Fehn 1994');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'value', value: 1 });
  });

  it('v answers "vet ikke" at once', async () => {
    const { answer, events } = await render(choicePrompt, { ...frame, choices: scale, dontKnow: true, default: 2 });
    events.type('v');
    await expect(answer).resolves.toEqual({ kind: 'value', value: 'dont-know' });
  });

  it('multiple choice: space ticks and unticks, Enter gives the ticked options in the bank\'s order', async () => {
    const choices = [
      { value: 'refugees', label: 'Flyktninger' },
      { value: 'young', label: 'Ungdom' },
      { value: 'disabled', label: 'Funksjonshemmede' },
    ];
    const { answer, events, getScreen } = await render(choicePrompt, { ...frame, choices, dontKnow: true, multi: true, default: ['young'] });
    expect(getScreen()).toContain('◉ Ungdom');
    events.keypress('down'); // the cursor starts on the first ticked option
    events.keypress('space'); // tick disabled
    events.keypress('up');
    events.keypress('up');
    events.keypress('space'); // tick refugees
    events.keypress('down');
    events.keypress('space'); // untick young
    expect(getScreen()).toContain('◯ Ungdom');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'value', value: ['refugees', 'disabled'] });
  });

  it('in English with --lang en', async () => {
    const { answer, events, getScreen } = await render(choicePrompt, { ...frame, lang: 'en', choices: scale, dontKnow: true });
    expect(getScreen()).toContain("Don't know");
    expect(getScreen()).toContain('Ctrl-B/Esc back');
    expect(getScreen()).not.toMatch(/Vet ikke|tilbake/);
    events.type('v');
    await expect(answer).resolves.toEqual({ kind: 'value', value: 'dont-know' });
  });
});

describe('the number prompt', () => {
  const config = { ...frame, min: 1, max: 2000, integer: false, unit: 'årsverk', dontKnow: true, default: 'dont-know' as const };

  it('takes a decimal comma (fractional FTEs)', async () => {
    const { answer, events } = await render(numberPrompt, config);
    events.type('12,5');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'value', value: 12.5 });
  });

  it('refuses a number out of range in bokmål, keeps what was typed, and accepts the correction', async () => {
    const { answer, events, getScreen } = await render(numberPrompt, config);
    events.type('5000');
    events.keypress('enter');
    expect(getScreen()).toContain('Svaret må være mellom 1 og 2000.');
    expect(getScreen()).not.toMatch(/Value must/);
    expect(getScreen()).toContain('5000');
    for (let i = 0; i < 4; i++) events.keypress('backspace');
    events.type('40');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'value', value: 40 });
  });

  it('Enter on an empty line gives the default, shown beside the range', async () => {
    const { answer, events, getScreen } = await render(numberPrompt, config);
    expect(getScreen()).toContain('(1–2000 årsverk) (Enter: Vet ikke)');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'value', value: 'dont-know' });
  });

  it('no more decimals than the bank allows (staff-fte: tenths of an FTE)', async () => {
    const { answer, events, getScreen } = await render(numberPrompt, { ...config, decimals: 1 });
    events.type('12,55');
    events.keypress('enter');
    expect(getScreen()).toContain('Høyst 1 siffer etter desimalkommaet, fra 1 til 2000.');
    events.keypress('backspace');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'value', value: 12.5 });
  });

  it('whole numbers only where the bank says integer', async () => {
    const { answer, events, getScreen } = await render(numberPrompt, { ...config, integer: true });
    events.type('2.5');
    events.keypress('enter');
    expect(getScreen()).toContain('Skriv et helt tall fra 1 til 2000.');
    events.keypress({ name: 'b', ctrl: true });
    await expect(answer).resolves.toEqual({ kind: 'back' });
  });

  it('"vet ikke" typed out is "dont-know", and Ctrl-B goes back', async () => {
    const a = await render(numberPrompt, config);
    a.events.type('vet ikke');
    a.events.keypress('enter');
    await expect(a.answer).resolves.toEqual({ kind: 'value', value: 'dont-know' });
    const b = await render(numberPrompt, config);
    b.events.type('12');
    b.events.keypress({ name: 'b', ctrl: true });
    await expect(b.answer).resolves.toEqual({ kind: 'back' });
  });
});

describe('the shares prompt, with its live sum', () => {
  const config = {
    ...frame,
    fields: [
      { id: 'rule', label: 'Regelstyrt', dontKnow: true },
      { id: 'means', label: 'Tiltak', dontKnow: true },
      { id: 'crisis', label: 'Krise', dontKnow: true },
    ],
    total: 100,
    tolerance: 10,
    ruleMessage: 'De tre andelene skal til sammen være omtrent 100 %',
  };

  it('shows "Sum: 85 av 100" as the shares are typed, and blocks Enter until the rule is met', async () => {
    const { answer, events, getScreen } = await render(sumPrompt, config);
    events.type('50');
    events.keypress('down');
    events.type('25');
    events.keypress('down');
    events.type('5');
    expect(getScreen()).toContain('Sum: 80 av 100');
    events.keypress('enter');
    expect(getScreen()).toContain('De tre andelene skal til sammen være omtrent 100 % (summen er nå 80 av 100)');
    events.type('0');
    expect(getScreen()).toContain('Sum: 125 av 100');
    events.keypress('backspace');
    events.keypress('backspace');
    events.type('10');
    expect(getScreen()).toContain('Sum: 85 av 100');
    events.keypress('enter'); // 15 from the total: more than the tolerance of 10
    expect(getScreen()).toContain('(summen er nå 85 av 100)');
    events.keypress('backspace');
    events.keypress('backspace');
    events.type('20');
    expect(getScreen()).toContain('Sum: 95 av 100');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'value', value: { rule: 50, means: 25, crisis: 20 } });
  });

  it('a share left empty is "vet ikke", and the known ones may not pass the total', async () => {
    const { answer, events, getScreen } = await render(sumPrompt, config);
    events.type('120');
    events.keypress('enter');
    expect(getScreen()).toContain('Svaret må være mellom 0 og 100.');
    events.keypress('backspace');
    events.keypress('backspace');
    events.keypress('backspace');
    events.type('70');
    expect(getScreen()).toContain('andelene med «?» deler resten');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'value', value: { rule: 70, means: 'dont-know', crisis: 'dont-know' } });
  });

  it('starts from the answers given before, with a decimal comma', async () => {
    const fields = config.fields.map((f, i) => ({ ...f, default: [12.5, 'dont-know', 80][i]! }));
    const { answer, events, getScreen } = await render(sumPrompt, { ...config, fields });
    expect(getScreen()).toContain('12,5 %');
    expect(getScreen()).toContain('Sum: 92,5 av 100');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'value', value: { rule: 12.5, means: 'dont-know', crisis: 80 } });
  });
});

describe('the ranking prompt', () => {
  const choices = [
    { value: 'control', label: 'Styring' },
    { value: 'staff', label: 'Ansatte' },
    { value: 'coherence', label: 'Sammenheng' },
  ];

  it('space picks an option up, the arrows carry it, Enter gives the order', async () => {
    const { answer, events, getScreen } = await render(rankPrompt, { ...frame, choices, dontKnow: true, default: 'dont-know' });
    expect(getScreen()).toContain('Enter uten å flytte: vet ikke');
    events.keypress('down');
    events.keypress('down');
    events.keypress('space');
    events.keypress('up');
    events.keypress('up');
    events.keypress('space');
    expect(getScreen()).toMatch(/1\. Sammenheng[\s\S]*2\. Styring[\s\S]*3\. Ansatte/);
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'value', value: ['coherence', 'control', 'staff'] });
  });

  it('Enter on the untouched list is "vet ikke": the bank\'s order is no one\'s ranking', async () => {
    const { answer, events } = await render(rankPrompt, { ...frame, choices, dontKnow: true, default: 'dont-know' });
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'value', value: 'dont-know' });
  });

  it('an earlier ranking is the start, and Enter keeps it', async () => {
    const { answer, events } = await render(rankPrompt, { ...frame, choices, dontKnow: true, default: ['staff', 'coherence', 'control'] });
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'value', value: ['staff', 'coherence', 'control'] });
  });
});

describe('the text prompt', () => {
  it('asks again for an empty name, then takes it', async () => {
    const { answer, events, getScreen } = await render(textPrompt, { ...frame, message: 'Hva heter kommunen?', required: 'Skriv et navn.', maxLength: 200 });
    events.keypress('enter');
    expect(getScreen()).toContain('Skriv et navn.');
    events.type('Bygdvik');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'value', value: 'Bygdvik' });
  });

  it('Enter keeps the name given before', async () => {
    const { answer, events } = await render(textPrompt, { ...frame, message: 'Hva heter kommunen?', required: 'Skriv et navn.', maxLength: 200, default: 'Fjordby' });
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'value', value: 'Fjordby' });
  });
});
