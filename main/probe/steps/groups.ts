import { listQueryStep } from './list-query-step';
import { eqFilter } from './record';

const TURN_OFF_GROUPS =
  'If you do not need groups, turn group provisioning off in Entra (Provisioning → Mappings → “Provision Microsoft Entra ID Groups” → No).';

/**
 * `groups`: Entra's group lookup (reference B.4). Groups are optional, so every problem here is
 * a warning that says what breaks if group provisioning stays on.
 */
export const groupsStep = listQueryStep({
  id: 'groups',
  title: 'Groups query',
  needs: ['test-connection'],
  call: (guid) => ({
    method: 'GET',
    path: '/Groups',
    query: [['excludedAttributes', 'members'], eqFilter('displayName', guid)],
  }),
  subject: 'a query for a group that does not exist',
  word: (judged, sent) => {
    const status = sent.reply?.status;
    if (status === 404 || status === 405 || status === 501) {
      return {
        status: 'warn',
        message: `The server does not support groups: /Groups answered ${status}. Entra would fail every group it tries to provision.`,
        fix: TURN_OFF_GROUPS,
      };
    }
    if (judged.status === 'pass') return { status: 'pass', message: judged.message };
    return {
      status: 'warn',
      message: `${judged.message} Group provisioning would fail.`,
      fix: `${judged.fix ?? ''} ${TURN_OFF_GROUPS}`.trim(),
    };
  },
});
