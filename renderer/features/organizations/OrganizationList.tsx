import { useState, type KeyboardEvent } from 'react';

import type { OrganizationSummary } from '../../../shared/stytch/views';
import { useOrganizationStore } from '../../state/organization-store';

function optionId(organization: OrganizationSummary): string {
  return `org-${organization.organizationId.replace(/\W/g, '-')}`;
}

function nextIndex(key: string, active: number, count: number): number | null {
  switch (key) {
    case 'ArrowDown':
      return Math.min(active + 1, count - 1);
    case 'ArrowUp':
      return Math.max(active - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** The results as a listbox: arrow keys move, Enter or Space chooses, a click chooses. */
export function OrganizationList() {
  const results = useOrganizationStore((s) => s.results);
  const selectedId = useOrganizationStore((s) => s.selected?.organizationId ?? null);
  const select = useOrganizationStore((s) => s.select);
  const [active, setActive] = useState(0);
  if (results.length === 0) return null;
  const activeIndex = Math.min(active, results.length - 1);
  const activeOrganization = results[activeIndex];

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const moved = nextIndex(event.key, activeIndex, results.length);
    if (moved !== null) {
      event.preventDefault();
      setActive(moved);
      const target = results[moved];
      if (target) document.getElementById(optionId(target))?.scrollIntoView({ block: 'nearest' });
      return;
    }
    if ((event.key === 'Enter' || event.key === ' ') && activeOrganization) {
      event.preventDefault();
      void select(activeOrganization);
    }
  };

  return (
    <ul
      id="organization-list"
      className="organization-list"
      role="listbox"
      aria-label="Organizations"
      tabIndex={0}
      aria-activedescendant={activeOrganization ? optionId(activeOrganization) : undefined}
      onKeyDown={onKeyDown}
    >
      {results.map((organization, index) => (
        <li
          key={organization.organizationId}
          id={optionId(organization)}
          role="option"
          aria-selected={organization.organizationId === selectedId}
          className={index === activeIndex ? 'option option-active' : 'option'}
          onClick={() => {
            setActive(index);
            void select(organization);
          }}
        >
          <span className="option-name">{organization.name}</span>
          <span className="option-slug">{organization.slug}</span>
          {organization.scimActiveConnectionId && (
            <span className="badge">Has a SCIM connection</span>
          )}
        </li>
      ))}
    </ul>
  );
}
