import type { ProbeExchange } from '../../../shared/probe/report';
import { requestsDeadline, type ProbeContext } from '../probe-context';
import type { ProbeStep } from '../probe-step';
import type { Exchange } from '../scim-exchange';
import { ListResponseSchema, SCIM_URN, ServiceProviderConfigSchema } from '../scim-messages';
import { answerOf, exchangeLine, recorded } from './record';

interface Found {
  ok: boolean;
  message: string;
}

function listed(sent: Exchange, what: string): Found {
  if (sent.reply?.status !== 200) return { ok: false, message: `${what} ${answerOf(sent)}.` };
  const body = sent.reply.json;
  const list = ListResponseSchema.safeParse(body);
  if (list.success && list.data.schemas.includes(SCIM_URN.listResponse)) {
    return { ok: true, message: `${what}: ${list.data.Resources?.length ?? 0} entries.` };
  }
  if (Array.isArray(body))
    return {
      ok: true,
      message: `${what}: ${body.length} entries (a bare array, not a ListResponse).`,
    };
  return { ok: false, message: `${what} answered 200, but not with a list.` };
}

function serviceProviderConfig(sent: Exchange): Found {
  const what = '/ServiceProviderConfig';
  if (sent.reply?.status !== 200) return { ok: false, message: `${what} ${answerOf(sent)}.` };
  const config = ServiceProviderConfigSchema.safeParse(sent.reply.json);
  if (!config.success || !config.data.schemas.includes(SCIM_URN.serviceProviderConfig)) {
    return { ok: false, message: `${what} answered 200, but not with a ServiceProviderConfig.` };
  }
  const yesNo = (flag: boolean | undefined): string =>
    flag === undefined ? 'not stated' : flag ? 'yes' : 'no';
  const types = new Set(config.data.authenticationSchemes?.map((s) => s.type ?? '?'));
  const schemes = [...types].join(', ') || 'none listed';
  return {
    ok: true,
    message: `${what}: partial updates ${yesNo(config.data.patch?.supported)}, filter ${yesNo(config.data.filter?.supported)}, authentication ${schemes}.`,
  };
}

/**
 * `discovery`: /ServiceProviderConfig, /ResourceTypes and /Schemas (RFC 7644 §4). Informational:
 * Entra does not use them for a custom (non-gallery) app, so this check never fails.
 */
export const discoveryStep: ProbeStep<ProbeContext, 'discovery'> = {
  id: 'discovery',
  title: 'Discovery endpoints (informational)',
  needs: ['test-connection'],
  deadlineMs: (ctx) => requestsDeadline(ctx),
  run: async (ctx) => {
    const [spc, types, schemas] = await Promise.all([
      ctx.send({ method: 'GET', path: '/ServiceProviderConfig' }),
      ctx.send({ method: 'GET', path: '/ResourceTypes' }),
      ctx.send({ method: 'GET', path: '/Schemas' }),
    ]);
    const found: Array<[string, Exchange, Found]> = [
      ['ServiceProviderConfig', spc, serviceProviderConfig(spc)],
      ['ResourceTypes', types, listed(types, '/ResourceTypes')],
      ['Schemas', schemas, listed(schemas, '/Schemas')],
    ];
    const exchanges: ProbeExchange[] = found.map(([label, sent, f]) =>
      exchangeLine(label, sent, f.ok ? 'pass' : 'warn', f.message),
    );
    const message = found.map(([, , f]) => f.message).join(' ');
    const missing = found.find(([, , f]) => !f.ok);
    if (missing === undefined) return { status: 'pass', message, exchanges, ...recorded(spc) };
    return {
      status: 'warn',
      message: `${message} Entra does not need these for a custom app; they help other tools.`,
      fix: 'Optional: implement the discovery endpoints of RFC 7644 §4.',
      exchanges,
      ...recorded(missing[1]),
    };
  },
};
