import { basename } from 'node:path';

import { appFailure } from '../../shared/errors';
import type { FeatureHandlers } from '../ipc/dispatch';
import type { Logger } from '../logging/logger';
import { writeFileAtomic } from '../settings/atomic-write';
import { reportCsv, reportHtml } from './fleet-report';
import type { FleetService } from './fleet-service';
import type { SaveDialogPort } from './save-dialog-port';

/** What the fleet:* handlers use (a slice of `Services`). */
export interface FleetServices {
  fleet: FleetService;
  saveDialog: SaveDialogPort;
  logger: Logger;
  stytch: { project(): { projectId: string } | null };
}

const FORMATS = {
  csv: { filterName: 'CSV (spreadsheet)', extension: 'csv' },
  html: { filterName: 'Web page (printable)', extension: 'html' },
} as const;

/** The fleet:* channels: the connections overview, the health sweep and the saved report. */
export const fleetHandlers = {
  /** The cached rows at once; a refresh starts in the background when they are not fresh. */
  'fleet:overview': (_request, services, emit) => {
    services.fleet.listen((progress) => emit('fleet:progress', progress));
    return services.fleet.overview();
  },
  'fleet:refresh': (request, services, emit) => {
    services.fleet.listen((progress) => emit('fleet:progress', progress));
    return services.fleet.refresh(request.full ?? false);
  },
  'fleet:sweepStart': (request, services, emit) => {
    services.fleet.listen((progress) => emit('fleet:progress', progress));
    return services.fleet.sweepStart(request.organizationIds);
  },
  'fleet:sweepCancel': (_request, services) => services.fleet.sweepCancel(),
  'fleet:sweepStatus': (_request, services) => services.fleet.sweepStatus(),
  /**
   * Asks where to save (the system's dialog, in main: the renderer never names a path) and
   * writes the report there. Only the file's name comes back.
   */
  'fleet:saveReport': async (request, services) => {
    const rows = await services.fleet.rows();
    const sweep = await services.fleet.sweepStatus();
    const format = FORMATS[request.format];
    const day = new Date().toISOString().slice(0, 10);
    const path = await services.saveDialog.choosePath({
      defaultName: `scim-connections-${day}.${format.extension}`,
      ...format,
    });
    if (path === null) return { saved: false, fileName: null };
    const projectId = services.stytch.project()?.projectId ?? '';
    const text =
      request.format === 'csv'
        ? reportCsv(rows)
        : reportHtml(rows, { projectId, generatedAt: new Date(), sweep });
    try {
      await writeFileAtomic(path, text);
    } catch (error) {
      services.logger.warn('fleet.report-write-failed', { error });
      throw appFailure(
        'FLEET_REPORT_WRITE_FAILED',
        `The report could not be saved as ${basename(path)}.`,
        'Choose another folder you can write to (for example Documents) and save again.',
      );
    }
    return { saved: true, fileName: basename(path) };
  },
} satisfies FeatureHandlers<FleetServices>;
