import { createElement, use, type ComponentType } from 'react';

import { WIZARD_STEP_IDS, stepIndex, type WizardStepId } from '../../../shared/wizard/steps';
import { Busy } from '../../components/Busy';

/**
 * A step body kept out of the first screen's JavaScript: loaded by `import()` when its step
 * opens, or earlier by {@link prefetchStep}. `Component` renders it, suspending (to the nearest
 * Suspense) only while the module is still on its way: once loaded, even by a prefetch, it
 * renders at once, with no fallback in between (React.lazy would suspend on its first render
 * however long ago the module arrived).
 */
export interface LazyPart {
  /** Loads the module (once; later calls answer the same promise). */
  load: () => Promise<ComponentType>;
  Component: ComponentType;
}

export function lazyPart(importBody: () => Promise<ComponentType>): LazyPart {
  let loaded: ComponentType | null = null;
  let loading: Promise<ComponentType> | null = null;
  const load = () =>
    (loading ??= importBody().then(
      (body) => (loaded = body),
      (error: unknown) => {
        // Forget the failure, so "Show the screen again" asks for the module again.
        loading = null;
        throw error;
      },
    ));
  function Component() {
    // The same component every time once loaded (a module's export), so its state is kept.
    return createElement(loaded ?? use(load()));
  }
  return { load, Component };
}

// One dynamic import per feature entry: Vite makes each its own chunk and puts what several
// share (the Entra panels' parts, the probe report) in chunks of their own.
export const OrganizationBody = lazyPart(async () => {
  const { OrganizationStep } = await import('../organizations/OrganizationStep');
  return OrganizationStep;
});
export const EntraChoiceBody = lazyPart(async () => {
  const { EntraChoice } = await import('../entra-setup/EntraChoice');
  return EntraChoice;
});
export const EntraAppBody = lazyPart(async () => {
  const { EntraAppStep } = await import('../entra-setup/EntraAppStep');
  return EntraAppStep;
});
export const EntraJobBody = lazyPart(async () => {
  const { EntraJobStep } = await import('../entra-setup/EntraJobStep');
  return EntraJobStep;
});
export const ConnectionBody = lazyPart(async () => {
  const [{ ConnectionStep }, { RotationPanel }] = await Promise.all([
    import('../scim-connection/ConnectionStep'),
    import('../rotation/RotationPanel'),
  ]);
  return function ConnectionWithRotation() {
    return createElement(ConnectionStep, { Rotation: RotationPanel });
  };
});
export const CredentialsBody = lazyPart(async () => {
  const { CredentialsStep } = await import('../credentials/CredentialsStep');
  return CredentialsStep;
});
export const EntraCredentialsBody = lazyPart(async () => {
  const { EntraCredentialsStep } = await import('../entra-setup/EntraCredentialsStep');
  return EntraCredentialsStep;
});
export const ConnectionCheckBody = lazyPart(async () => {
  const { ConnectionCheck } = await import('../credentials/CredentialsStep');
  return ConnectionCheck;
});
export const EntraSaveBody = lazyPart(async () => {
  const { EntraSaveCredentials } = await import('../entra-setup/EntraCredentialsStep');
  return EntraSaveCredentials;
});
export const EntraMappingBody = lazyPart(async () => {
  const { EntraMapping } = await import('../entra-setup/EntraCredentialsStep');
  return EntraMapping;
});
export const EntraProvisionBody = lazyPart(async () => {
  const { EntraProvisionStep } = await import('../entra-setup/EntraProvisionStep');
  return EntraProvisionStep;
});
export const EntraProvisionTicksBody = lazyPart(async () => {
  const { EntraProvisionTicks } = await import('../entra-setup/EntraProvisionStep');
  return EntraProvisionTicks;
});
export const EntraAssignBody = lazyPart(async () => {
  const { EntraAssignPart } = await import('../entra-setup/EntraProvisionStep');
  return EntraAssignPart;
});
export const EntraOnDemandBody = lazyPart(async () => {
  const { EntraOnDemandPart } = await import('../entra-setup/EntraProvisionStep');
  return EntraOnDemandPart;
});
export const EntraStartBody = lazyPart(async () => {
  const { EntraStartPart } = await import('../entra-setup/EntraProvisionStep');
  return EntraStartPart;
});
export const EntraHealthBody = lazyPart(async () => {
  const { EntraHealthPart } = await import('../entra-setup/EntraProvisionStep');
  return EntraHealthPart;
});
export const EntraTestUserBody = lazyPart(async () => {
  const { EntraTestUserPart } = await import('../entra-setup/EntraProvisionStep');
  return EntraTestUserPart;
});
export const WatchBody = lazyPart(async () => {
  const { WatchStep } = await import('../provisioning-watch/WatchStep');
  return WatchStep;
});
export const KeepWatchingBody = lazyPart(async () => {
  const { KeepWatching } = await import('../provisioning-watch/WatchStep');
  return KeepWatching;
});
export const WatchMembersBody = lazyPart(async () => {
  const { WatchMembers } = await import('../provisioning-watch/WatchStep');
  return WatchMembers;
});
export const GroupRolesBody = lazyPart(async () => {
  const { GroupRolesStep } = await import('../group-roles/GroupRolesStep');
  return GroupRolesStep;
});

export const SummaryBody = lazyPart(async () => {
  const { SummaryStep } = await import('../summary/SummaryStep');
  return SummaryStep;
});

/**
 * What each step loads. The first step's body (ConnectStep) is not here: it is the first screen,
 * imported statically by StepView. The compiler asks for every step.
 */
const STEP_PARTS: Readonly<Record<WizardStepId, readonly LazyPart[]>> = {
  'connect-stytch': [],
  'choose-organization': [OrganizationBody],
  'create-entra-app': [EntraChoiceBody, EntraAppBody],
  'enable-provisioning': [EntraJobBody],
  'create-scim-connection': [ConnectionBody],
  'configure-credentials': [
    CredentialsBody,
    EntraCredentialsBody,
    EntraSaveBody,
    EntraMappingBody,
    ConnectionCheckBody,
  ],
  'provision-users': [
    EntraProvisionBody,
    WatchBody,
    EntraProvisionTicksBody,
    EntraAssignBody,
    EntraOnDemandBody,
    EntraStartBody,
    EntraHealthBody,
    EntraTestUserBody,
    KeepWatchingBody,
    WatchMembersBody,
  ],
  'group-roles': [GroupRolesBody],
  webhooks: [],
  summary: [SummaryBody],
};

/** Starts loading a step's body; a failure here is left to the step's own load to show. */
export function prefetchStep(step: WizardStepId): void {
  for (const part of STEP_PARTS[step]) part.load().catch(() => undefined);
}

/** Loads every step's body (tests wait for it so a step opens at once, as after a prefetch). */
export async function loadAllSteps(): Promise<void> {
  await Promise.all(Object.values(STEP_PARTS).flatMap((parts) => parts.map((p) => p.load())));
}

/**
 * While the admin reads this step, loads the next one's body when the page is idle (so the
 * prefetch never competes with this step's own first paint). Answers a cancel for the effect.
 */
export function prefetchNextWhenIdle(step: WizardStepId): () => void {
  const next = WIZARD_STEP_IDS[stepIndex(step) + 1];
  if (next === undefined || STEP_PARTS[next].length === 0) return () => undefined;
  // Chromium has requestIdleCallback; jsdom (the component tests) does not.
  if ('requestIdleCallback' in window) {
    const handle = window.requestIdleCallback(() => prefetchStep(next), { timeout: 2_000 });
    return () => window.cancelIdleCallback(handle);
  }
  const timer = setTimeout(() => prefetchStep(next), 200);
  return () => clearTimeout(timer);
}

/**
 * What shows while a step's body loads: nothing for the first moment (a prefetched or local
 * chunk arrives well within it, so there is no flash), then a quiet spinner.
 */
export function StepLoading() {
  return (
    <div className="step-loading" aria-busy="true">
      <Busy label="Loading this step…" />
    </div>
  );
}
