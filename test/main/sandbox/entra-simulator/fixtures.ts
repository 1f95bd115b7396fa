import type { FetchLike } from '../../../../main/http/create-http-client';
import type {
  Directory,
  DirectoryUser,
} from '../../../../main/sandbox/entra-simulator/entra-simulator';

/** Object ids in the shape Entra uses (GUIDs), fixed so tests can name them. */
export const IDS = {
  alice: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4e1',
  bob: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4e2',
  carol: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4e3',
  dave: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4e4',
  erin: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4e5',
  engineering: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900101',
  sales: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900102',
} as const;

function person(key: keyof typeof IDS, given: string, family: string): DirectoryUser {
  const upn = `${given.toLowerCase()}@contoso.com`;
  return {
    objectId: IDS[key],
    userPrincipalName: upn,
    mail: upn,
    givenName: given,
    surname: family,
    displayName: `${given} ${family}`,
    accountEnabled: true,
  };
}

/**
 * Five users and two groups. Engineering (Alice, Bob) and Sales (Carol, Dave) are assigned to the
 * app, and Erin is assigned directly, so all five are in scope.
 */
export function initialDirectory(): Directory {
  return {
    users: [
      person('alice', 'Alice', 'Example'),
      person('bob', 'Bob', 'Builder'),
      person('carol', 'Carol', 'Danvers'),
      person('dave', 'Dave', 'Grohl'),
      person('erin', 'Erin', 'Brockovich'),
    ],
    groups: [
      { objectId: IDS.engineering, displayName: 'Engineering', members: [IDS.alice, IDS.bob] },
      { objectId: IDS.sales, displayName: 'Sales', members: [IDS.carol, IDS.dave] },
    ],
    assignments: [IDS.engineering, IDS.sales, IDS.erin],
  };
}

/**
 * The changes an incremental cycle picks up: Alice marries (surname, display name and mail
 * change), Erin is unassigned, and Bob moves from Engineering to Sales.
 */
export function changedDirectory(): Directory {
  const directory = initialDirectory();
  const [alice] = directory.users;
  if (alice) {
    Object.assign(alice, {
      surname: 'Smith',
      displayName: 'Alice Smith',
      mail: 'alice.smith@contoso.com',
    });
  }
  directory.groups = [
    { objectId: IDS.engineering, displayName: 'Engineering', members: [IDS.alice] },
    { objectId: IDS.sales, displayName: 'Sales', members: [IDS.carol, IDS.dave, IDS.bob] },
  ];
  directory.assignments = [IDS.engineering, IDS.sales];
  return directory;
}

/** The changed directory with Erin assigned again. */
export function reassignedDirectory(): Directory {
  const directory = changedDirectory();
  directory.assignments.push(IDS.erin);
  return directory;
}

/** A request as it left the simulator. */
export interface SentRequest {
  method: string;
  url: string;
  authorization: string | null;
  contentType: string | null;
  body: unknown;
}

/** Node's fetch, recording every request the simulator sends. */
export function recordingFetch(): { fetch: FetchLike; sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  const fetchAndRecord: FetchLike = (input, init) => {
    const headers = new Headers(init?.headers);
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    sent.push({
      method: init?.method ?? 'GET',
      url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      authorization: headers.get('authorization'),
      contentType: headers.get('content-type'),
      body,
    });
    return fetch(input, init);
  };
  return { fetch: fetchAndRecord, sent };
}

/** GUIDs handed out in order, so request URLs and log ids are predictable. */
export function guidSequence(prefix = '00000000-0000-4000-8000-'): () => string {
  let next = 0;
  return () => {
    next += 1;
    return `${prefix}${String(next).padStart(12, '0')}`;
  };
}
