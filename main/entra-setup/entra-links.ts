import type { EntraAppLink } from '../../shared/settings/settings';
import type { SettingsStore } from '../settings/settings-store';

/** Which link: a Stytch organization, in one tenant, real or sandbox. */
export interface LinkKey {
  organizationId: string;
  sandbox: boolean;
  tenantId: string;
}

const sameKey = (link: EntraAppLink, key: LinkKey) =>
  link.organizationId === key.organizationId &&
  link.sandbox === key.sandbox &&
  link.tenantId === key.tenantId;

/**
 * The remembered app and job of each organization (settings `entraApps`, ids only), so the
 * assistant finds them again after a restart. Keyed by tenant and sandbox too: the sandbox's
 * tenant and a real one never see each other's apps.
 */
export class EntraLinks {
  constructor(private readonly settings: Pick<SettingsStore, 'get' | 'mutate'>) {}

  async find(key: LinkKey): Promise<EntraAppLink | null> {
    const { entraApps } = await this.settings.get();
    return entraApps.find((link) => sameKey(link, key)) ?? null;
  }

  /** Replaces the key's link, in one atomic settings write. */
  async save(link: EntraAppLink): Promise<void> {
    await this.saveAll([link]);
  }

  /** Every organization's link, as kept. */
  async all(): Promise<readonly EntraAppLink[]> {
    return (await this.settings.get()).entraApps;
  }

  /**
   * Replaces the keys' links all at once, in one settings write: the large sandbox remembers
   * hundreds, which one write each would make slow.
   */
  async saveAll(links: readonly EntraAppLink[]): Promise<void> {
    await this.settings.mutate((current) => ({
      ...current,
      entraApps: [
        ...current.entraApps.filter((other) => !links.some((link) => sameKey(other, link))),
        ...links,
      ],
    }));
  }
}
