/** Every API route, by group. A new group is added here; the authorization matrix test then requires its entries. */
import type { AnyRoute } from '../route.ts';
import { analysisRoutes } from './analysis.ts';
import { auditRoutes } from './audit.ts';
import { authRoutes } from './auth.ts';
import { caseRoutes } from './cases.ts';
import { deadlineRoutes } from './deadlines.ts';
import { docketRoutes } from './docket.ts';
import { evidenceRoutes } from './evidence.ts';
import { incidentRoutes } from './incidents.ts';
import { jobRoutes } from './jobs.ts';
import { lookupRoutes } from './lookups.ts';
import { metaRoutes } from './meta.ts';
import { orgRoutes } from './org.ts';
import { packetRoutes } from './packets.ts';

export function apiRoutes(): AnyRoute[] {
  const all: AnyRoute[] = [];
  all.push(...metaRoutes(() => all), ...authRoutes(), ...orgRoutes(), ...caseRoutes(), ...analysisRoutes(), ...packetRoutes(),
    ...docketRoutes(), ...deadlineRoutes(), ...evidenceRoutes(), ...incidentRoutes(), ...lookupRoutes(), ...auditRoutes(),
    ...jobRoutes());
  return all;
}
