import { projectEnvironment } from '../../../shared/stytch/project-id';

/** What to tell the user about the ID as typed so far. */
export function describeProjectId(projectId: string): string {
  if (projectId.trim() === '') return '';
  switch (projectEnvironment(projectId)) {
    case 'test':
      return 'Test environment.';
    case 'live':
      return 'Live environment: changes affect your real users.';
    case null:
      return 'Stytch project IDs start with project-test- or project-live-.';
  }
}
