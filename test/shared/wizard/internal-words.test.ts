import { describe, expect, it } from 'vitest';

import {
  AAD_OPT_FLAG_NOTE,
  allNotes,
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
    content.assistantSummary ?? '',
    ...content.instructions,
    ...content.checklist.map((item) => item.label),
    ...content.facts.flatMap((fact) => [fact.term, fact.description]),
    ...allNotes(content),
    ...content.links.map((link) => link.label),
  ];
}

describe('The wizard’s words are the admin’s', () => {
  it('finds internal words where they are, and lets Entra’s own words through', () => {
    expect(internalWordsIn('Run the probe against the stand-in')).toEqual([
      'stand-in (say “sandbox”)',
      'probe (say “connection check”)',
    ]);
    expect(internalWordsIn('Status NotConfigured, kept SyncNotificationSettings')).toEqual([
      'NotConfigured (say it in words)',
      'NotConfigured (say it in words)',
      'SyncNotificationSettings (say it in words)',
    ]);
    expect(internalWordsIn('Entra sends a PATCH; see the token handle')).toEqual([
      'handle (name the token)',
      'PATCH (say what Entra changes)',
    ]);
    // Graph's permission names, Entra's error code and SCIM's endpoints are said as they are.
    expect(
      internalWordsIn(
        'Add AuditLog.Read.All. Entra said SystemForCrossDomainIdentityManagement; ' +
          'read /ServiceProviderConfig.',
      ),
    ).toEqual([]);
    expect(internalWordsIn('Paste it into the Secret Token field of the enterprise app')).toEqual(
      [],
    );
  });

  it.each(WIZARD_STEP_IDS)('has no internal word in the content of %s', (step) => {
    expect(stepStrings(STEP_CONTENT[step]).flatMap((text) => internalWordsIn(text))).toEqual([]);
  });

  it('has none in the connection’s consequences and the Tenant URL note', () => {
    expect(
      [...DELETE_CONNECTION_CONSEQUENCES, AAD_OPT_FLAG_NOTE].flatMap((text) =>
        internalWordsIn(text),
      ),
    ).toEqual([]);
  });
});
