import { describe, expect, it } from 'vitest';

import {
  AAD_OPT_FLAG_NOTE,
  DELETE_CONNECTION_CONSEQUENCES,
  STEP_CONTENT,
  type StepContent,
} from '../../../shared/wizard/content';
import { WIZARD_STEP_IDS } from '../../../shared/wizard/steps';
import { internalWordsIn } from '../../support/internal-words';

function stepStrings(content: StepContent): string[] {
  return [
    content.title,
    content.summary,
    ...content.instructions,
    ...content.checklist.map((item) => item.label),
    ...content.facts.flatMap((fact) => [fact.term, fact.description]),
    ...content.notes,
    ...content.links.map((link) => link.label),
  ];
}

describe('The wizard’s words are the admin’s', () => {
  it('finds internal words where they are, and lets Entra’s own words through', () => {
    expect(internalWordsIn('Run the probe against the stand-in')).toEqual([
      'stand-in (say “sandbox”)',
      'probe (say “connection check”)',
    ]);
    expect(internalWordsIn('Paste it into the Secret Token field of the enterprise app')).toEqual(
      [],
    );
  });

  it.each(WIZARD_STEP_IDS)('has no internal word in the content of %s', (step) => {
    expect(stepStrings(STEP_CONTENT[step]).flatMap(internalWordsIn)).toEqual([]);
  });

  it('has none in the connection’s consequences and the Tenant URL note', () => {
    expect([...DELETE_CONNECTION_CONSEQUENCES, AAD_OPT_FLAG_NOTE].flatMap(internalWordsIn)).toEqual(
      [],
    );
  });
});
